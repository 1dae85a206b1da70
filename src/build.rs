//! On Windows targets, embeds the exe's icon, version details and manifest
//! (`assets/icon.ico`, `assets/sharecase.exe.manifest`); on every other target it does nothing.

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let icon = format!("{dir}/assets/icon.ico");
    let manifest = format!("{dir}/assets/sharecase.exe.manifest");
    println!("cargo:rerun-if-changed={icon}");
    println!("cargo:rerun-if-changed={manifest}");
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon(&icon)
        .set_manifest_file(&manifest)
        .set("ProductName", "Sharecase")
        .set("FileDescription", "Sharecase")
        .set("InternalName", "sharecase")
        .set("OriginalFilename", "sharecase.exe")
        .set("LegalCopyright", "Licensed under MIT OR Apache-2.0")
        .set(
            "Comments",
            &std::env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default(),
        );
    if let Err(e) = resource.compile() {
        panic!(
            "could not embed the Windows icon and version details (is mingw's windres installed?): {e}"
        );
    }
}
