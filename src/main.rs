fn main() {
    console_error_panic_hook_lite();
    // Leptos' own executor is set up by the mount, which waits for the strings.
    wasm_bindgen_futures::spawn_local(data_roadmap::app::start());
}

/// Panics show in the console in debug builds only; release builds abort with no hook.
fn console_error_panic_hook_lite() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
}
