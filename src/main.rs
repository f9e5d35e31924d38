//! The `hoinghi` binary: the Leptos app when trunk builds it for wasm32, the command-line tool
//! natively. Both are thin shells over the core library.

#[cfg(target_arch = "wasm32")]
mod app;

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(target_arch = "wasm32")]
fn main() {
    app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::run()
}
