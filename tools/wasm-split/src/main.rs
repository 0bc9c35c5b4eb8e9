//! Splits cargo's wasm output (linked with `--emit-relocs`) at the functions marked
//! `#[lazy]`: a main module for wasm-bindgen, and `split_*.wasm` / `chunk_*.wasm` with a
//! `__wasm_split.js` loader beside them. Usage:
//! `wasm-split <input.wasm> <output dir> <main module, e.g. ./data-roadmap-1a2b.js>`.

use std::path::PathBuf;
use std::process::ExitCode;

/// The splitter keeps its work in std `HashMap`s, whose order follows a seed std draws at
/// random: the same input gave a main module ~130 B (gzip) apart from one build to the next,
/// which made the size guard flap. std reads that seed through a weak `getrandom` symbol, on
/// purpose so that it can be replaced (library/std/src/sys/random/linux.rs): this fixed one
/// makes the split reproducible. Nothing in this tool needs real randomness.
///
/// # Safety
/// `buffer` must point to `length` writable bytes, as `getrandom(2)` requires.
#[cfg(target_os = "linux")]
#[no_mangle]
pub unsafe extern "C" fn getrandom(buffer: *mut u8, length: usize, _flags: u32) -> isize {
    // SAFETY: std passes a buffer of `length` writable bytes.
    unsafe { std::ptr::write_bytes(buffer, 0x5a, length) };
    length as isize
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output_dir, main_module] = args.as_slice() else {
        eprintln!("usage: wasm-split <input.wasm> <output dir> <main module>");
        return ExitCode::from(2);
    };
    let wasm = match std::fs::read(input) {
        Ok(wasm) => wasm,
        Err(error) => {
            eprintln!("wasm-split: cannot read {input}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let output_dir = PathBuf::from(output_dir);
    let main_out = output_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = &output_dir;
    options.main_out_path = &main_out;
    options.main_module = main_module;
    match wasm_split_cli_support::transform(options) {
        Ok(split) => {
            println!("{} split modules and chunks", split.split_modules.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("wasm-split: {error:?}");
            ExitCode::FAILURE
        }
    }
}
