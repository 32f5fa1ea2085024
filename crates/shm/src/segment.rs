//! One mapping of a named shared memory segment.

use std::io;

/// A mapping of a named shared memory segment. Dropping it unmaps this view only; the segment
/// itself lives until [`Segment::unlink`] (Unix) or until the last handle closes (Windows).
///
/// ```
/// use polycore_shm::Segment;
/// let name = format!("/polycore-seg-{}", std::process::id());
/// let s = Segment::create(&name, 100).unwrap();
/// assert_eq!(s.len(), 100);
/// assert!(Segment::create(&name, 100).is_err()); // already exists
/// Segment::unlink(&name).unwrap();
/// ```
#[derive(Debug)]
pub struct Segment {
    ptr: *mut u8,
    len: usize,
    name: String,
    #[cfg(windows)]
    handle: isize,
}

// SAFETY: the mapping is plain shared memory; synchronising access to it is the caller's job.
unsafe impl Send for Segment {}
// SAFETY: as above; the struct itself is immutable after construction.
unsafe impl Sync for Segment {}

/// Whether `name` is a valid segment name: `/` followed by 1..=250 bytes of `[A-Za-z0-9._-]`.
///
/// ```
/// assert!(polycore_shm::valid_name("/abc-1.2_x"));
/// assert!(!polycore_shm::valid_name("abc"));
/// assert!(!polycore_shm::valid_name("/a/b"));
/// ```
pub fn valid_name(name: &str) -> bool {
    let rest = match name.strip_prefix('/') {
        Some(r) => r,
        None => return false,
    };
    !rest.is_empty()
        && rest.len() <= 250
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-')
}

fn check_name(name: &str) -> io::Result<()> {
    if valid_name(name) {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("invalid shared memory name {name:?} (want '/' + [A-Za-z0-9._-]{{1,250}})"),
        ))
    }
}

impl Segment {
    /// Creates a new segment of `len` bytes (zero-filled) and maps it. Fails if it exists.
    ///
    /// ```
    /// let name = format!("/polycore-create-{}", std::process::id());
    /// let s = polycore_shm::Segment::create(&name, 8).unwrap();
    /// assert_eq!(unsafe { *s.as_ptr() }, 0);
    /// polycore_shm::Segment::unlink(&name).unwrap();
    /// ```
    pub fn create(name: &str, len: usize) -> io::Result<Segment> {
        check_name(name)?;
        if len == 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "size must be > 0",
            ));
        }
        imp::create(name, len)
    }

    /// Opens and maps an existing segment; its length is the segment's size.
    ///
    /// ```
    /// let name = format!("/polycore-open-{}", std::process::id());
    /// let _a = polycore_shm::Segment::create(&name, 64).unwrap();
    /// assert_eq!(polycore_shm::Segment::open(&name).unwrap().len(), 64);
    /// polycore_shm::Segment::unlink(&name).unwrap();
    /// ```
    pub fn open(name: &str) -> io::Result<Segment> {
        check_name(name)?;
        imp::open(name)
    }

    /// Removes the name; existing mappings stay valid until dropped.
    ///
    /// ```
    /// let name = format!("/polycore-unlink-{}", std::process::id());
    /// let _a = polycore_shm::Segment::create(&name, 64).unwrap();
    /// polycore_shm::Segment::unlink(&name).unwrap();
    /// assert!(polycore_shm::Segment::open(&name).is_err());
    /// ```
    pub fn unlink(name: &str) -> io::Result<()> {
        check_name(name)?;
        imp::unlink(name)
    }

    /// Start of the mapping.
    pub fn as_ptr(&self) -> *mut u8 {
        self.ptr
    }

    /// Length of the mapping in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: segments have at least one byte.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The segment's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

#[cfg(unix)]
mod imp {
    use super::Segment;
    use std::ffi::CString;
    use std::io;

    fn cname(name: &str) -> io::Result<CString> {
        CString::new(name).map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
    }

    fn map(fd: libc::c_int, len: usize, name: &str) -> io::Result<Segment> {
        // SAFETY: fd is an open shm descriptor of at least `len` bytes; a fresh mapping is requested.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED,
                fd,
                0,
            )
        };
        let err = io::Error::last_os_error();
        // SAFETY: fd is ours; the mapping (if any) keeps the object alive without it.
        unsafe { libc::close(fd) };
        if ptr == libc::MAP_FAILED {
            return Err(err);
        }
        Ok(Segment {
            ptr: ptr.cast(),
            len,
            name: name.to_owned(),
        })
    }

    pub fn create(name: &str, len: usize) -> io::Result<Segment> {
        let c = cname(name)?;
        // SAFETY: c is a valid NUL-terminated string.
        let fd = unsafe {
            libc::shm_open(
                c.as_ptr(),
                libc::O_CREAT | libc::O_EXCL | libc::O_RDWR,
                0o600 as libc::c_uint,
            )
        };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let size = libc::off_t::try_from(len)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "size too large"))?;
        // SAFETY: fd is a valid descriptor we just opened.
        if unsafe { libc::ftruncate(fd, size) } != 0 {
            let err = io::Error::last_os_error();
            // SAFETY: clean up what we created.
            unsafe {
                libc::close(fd);
                libc::shm_unlink(c.as_ptr());
            }
            return Err(err);
        }
        map(fd, len, name).inspect_err(|_| {
            // SAFETY: remove the name we created when mapping failed.
            unsafe { libc::shm_unlink(c.as_ptr()) };
        })
    }

    pub fn open(name: &str) -> io::Result<Segment> {
        let c = cname(name)?;
        // SAFETY: c is a valid NUL-terminated string.
        let fd = unsafe { libc::shm_open(c.as_ptr(), libc::O_RDWR, 0) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: zeroed stat is a valid out-parameter.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: fd is valid and st is writable.
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            let err = io::Error::last_os_error();
            // SAFETY: fd is ours.
            unsafe { libc::close(fd) };
            return Err(err);
        }
        let len = st.st_size as usize;
        if len == 0 {
            // SAFETY: fd is ours.
            unsafe { libc::close(fd) };
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "segment has size 0 (still being created?)",
            ));
        }
        map(fd, len, name)
    }

    pub fn unlink(name: &str) -> io::Result<()> {
        let c = cname(name)?;
        // SAFETY: c is a valid NUL-terminated string.
        if unsafe { libc::shm_unlink(c.as_ptr()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    impl Drop for Segment {
        fn drop(&mut self) {
            // SAFETY: ptr/len describe a mapping this struct owns exclusively.
            unsafe { libc::munmap(self.ptr.cast(), self.len) };
        }
    }
}

/// Windows: named pagefile-backed file mappings. Compile-gated and UNTESTED. The segment lives
/// while any handle or view is open (there is no unlink; [`Segment::unlink`] is a no-op).
#[cfg(windows)]
mod imp {
    use super::Segment;
    use std::io;

    #[repr(C)]
    struct MemoryBasicInformation {
        base_address: *mut u8,
        allocation_base: *mut u8,
        allocation_protect: u32,
        partition_id: u16,
        region_size: usize,
        state: u32,
        protect: u32,
        kind: u32,
    }

    extern "system" {
        fn CreateFileMappingW(
            f: isize,
            a: *const u8,
            p: u32,
            hi: u32,
            lo: u32,
            n: *const u16,
        ) -> isize;
        fn OpenFileMappingW(access: u32, inherit: i32, n: *const u16) -> isize;
        fn MapViewOfFile(h: isize, access: u32, hi: u32, lo: u32, len: usize) -> *mut u8;
        fn UnmapViewOfFile(p: *const u8) -> i32;
        fn CloseHandle(h: isize) -> i32;
        fn GetLastError() -> u32;
        fn VirtualQuery(p: *const u8, info: *mut MemoryBasicInformation, len: usize) -> usize;
    }
    const PAGE_READWRITE: u32 = 0x04;
    const FILE_MAP_ALL_ACCESS: u32 = 0x000F_001F;
    const ERROR_ALREADY_EXISTS: u32 = 183;
    const INVALID_HANDLE_VALUE: isize = -1;

    fn wide(name: &str) -> Vec<u16> {
        format!("Local\\{}", &name[1..])
            .encode_utf16()
            .chain(Some(0))
            .collect()
    }

    pub fn create(name: &str, len: usize) -> io::Result<Segment> {
        let w = wide(name);
        let (hi, lo) = ((len as u64 >> 32) as u32, len as u32);
        // SAFETY: w is NUL-terminated; a pagefile-backed mapping is requested.
        let h = unsafe {
            CreateFileMappingW(
                INVALID_HANDLE_VALUE,
                std::ptr::null(),
                PAGE_READWRITE,
                hi,
                lo,
                w.as_ptr(),
            )
        };
        if h == 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: reads the thread's last error right after the call.
        if unsafe { GetLastError() } == ERROR_ALREADY_EXISTS {
            // SAFETY: h is our handle.
            unsafe { CloseHandle(h) };
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "segment exists",
            ));
        }
        view(h, len, name)
    }

    fn view(h: isize, len: usize, name: &str) -> io::Result<Segment> {
        // SAFETY: h is a valid mapping handle.
        let ptr = unsafe { MapViewOfFile(h, FILE_MAP_ALL_ACCESS, 0, 0, len) };
        if ptr.is_null() {
            let err = io::Error::last_os_error();
            // SAFETY: h is our handle.
            unsafe { CloseHandle(h) };
            return Err(err);
        }
        Ok(Segment {
            ptr,
            len,
            name: name.to_owned(),
            handle: h,
        })
    }

    pub fn open(name: &str) -> io::Result<Segment> {
        let w = wide(name);
        // SAFETY: w is NUL-terminated.
        let h = unsafe { OpenFileMappingW(FILE_MAP_ALL_ACCESS, 0, w.as_ptr()) };
        if h == 0 {
            return Err(io::Error::last_os_error());
        }
        let mut seg = view(h, 0, name)?;
        // SAFETY: info is a valid out-parameter; seg.ptr is a live view.
        let mut info: MemoryBasicInformation = unsafe { std::mem::zeroed() };
        // SAFETY: see above.
        unsafe {
            VirtualQuery(
                seg.ptr,
                &mut info,
                std::mem::size_of::<MemoryBasicInformation>(),
            )
        };
        seg.len = info.region_size;
        Ok(seg)
    }

    pub fn unlink(_name: &str) -> io::Result<()> {
        Ok(())
    }

    impl Drop for Segment {
        fn drop(&mut self) {
            // SAFETY: the view and handle are owned by this struct.
            unsafe {
                UnmapViewOfFile(self.ptr);
                CloseHandle(self.handle);
            }
        }
    }
}
