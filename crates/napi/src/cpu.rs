//! CPU topology and the native thread pool.

use napi_derive::napi;

/// What `cpuInfo()` returns.
#[napi(object)]
pub struct CpuInfo {
    pub logical_cores: u32,
    pub physical_cores: u32,
    pub simd: Vec<String>,
}

/// Cores and SIMD features of this machine.
#[napi(catch_unwind)]
pub fn cpu_info() -> CpuInfo {
    let info = polycore_kernels::cpu_info();
    CpuInfo {
        logical_cores: info.logical_cores as u32,
        physical_cores: info.physical_cores as u32,
        simd: info.simd.iter().map(|s| s.to_string()).collect(),
    }
}

/// Threads the native kernels use.
#[napi(catch_unwind)]
pub fn get_num_threads() -> u32 {
    polycore_kernels::threads::num_threads() as u32
}

/// Sets the threads the native kernels use (process-wide).
#[napi(catch_unwind)]
pub fn set_num_threads(threads: u32) {
    polycore_kernels::threads::set_num_threads(threads as usize);
}

/// Panics on purpose: proves a Rust panic becomes a JS error instead of an abort.
#[napi(js_name = "__panicForTest", catch_unwind)]
pub fn panic_for_test(message: String) {
    panic!("{message}");
}
