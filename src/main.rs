fn main() {
    console_error_panic_hook_lite();
    leptos::mount::mount_to_body(data_roadmap::app::App);
}

/// Panics show in the console in debug builds only; release builds abort with no hook.
fn console_error_panic_hook_lite() {
    #[cfg(debug_assertions)]
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
}
