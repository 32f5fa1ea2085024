//! CPU topology and SIMD features, detected at run time.

/// What the machine offers: cores and the SIMD instruction sets detected at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CpuInfo {
    /// Logical cores (hardware threads) this process may use.
    pub logical_cores: usize,
    /// Physical cores (hyperthreads of one core count once).
    pub physical_cores: usize,
    /// SIMD features detected at run time, e.g. `["sse2", "avx2", "fma"]`.
    pub simd: Vec<&'static str>,
}

/// Detects cores and SIMD features.
///
/// ```
/// let info = polycore_kernels::cpu_info();
/// assert!(info.logical_cores >= info.physical_cores.min(info.logical_cores));
/// assert!(info.physical_cores >= 1);
/// ```
pub fn cpu_info() -> CpuInfo {
    let logical_cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let physical_cores = num_cpus::get_physical().clamp(1, logical_cores.max(1));
    CpuInfo {
        logical_cores,
        physical_cores,
        simd: simd_features(),
    }
}

/// The SIMD features relevant to the kernels, in ascending order of width.
pub fn simd_features() -> Vec<&'static str> {
    #[allow(unused_mut)]
    let mut out = Vec::new();
    #[cfg(target_arch = "x86_64")]
    {
        macro_rules! probe {
            ($($f:tt),*) => {$( if std::is_x86_feature_detected!($f) { out.push($f); } )*};
        }
        probe!("sse2", "sse4.1", "avx", "avx2", "fma", "f16c", "avx512f", "avx512vl", "avx512dq");
    }
    #[cfg(target_arch = "aarch64")]
    {
        if std::arch::is_aarch64_feature_detected!("neon") {
            out.push("neon");
        }
        if std::arch::is_aarch64_feature_detected!("fp16") {
            out.push("fp16");
        }
    }
    out
}

/// True when the AVX2 + FMA kernels can run on this CPU.
#[inline]
pub fn has_avx2_fma() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma")
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cores_are_positive_and_ordered() {
        let info = cpu_info();
        assert!(info.logical_cores >= 1);
        assert!(info.physical_cores >= 1);
        assert!(info.physical_cores <= info.logical_cores);
    }

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn x86_64_always_has_sse2() {
        assert!(cpu_info().simd.contains(&"sse2"));
    }
}
