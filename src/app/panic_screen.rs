//! A panic must not leave a frozen page: the hook logs it and puts a plain error screen with a
//! reload button over whatever was there. It builds DOM nodes directly because the reactive
//! runtime may be the part that failed.

use wasm_bindgen::JsCast;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let make = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(screen) = make("section", "") else {
        return;
    };
    screen.set_class_name("error-screen panic");
    let _ = screen.set_attribute("role", "alert");
    let parts = [
        make("h1", "Ứng dụng gặp lỗi · The app hit an internal error"),
        make(
            "p",
            "Tải lại trang để tiếp tục. Reload the page to continue.",
        ),
        make("pre", message),
        make("a", "Tải lại · Reload"),
    ];
    // A plain link reloads without running any code: after a panic the wasm instance is dead, and
    // the content security policy forbids inline handlers.
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    for part in parts.into_iter().flatten() {
        if part.tag_name() == "A" {
            let _ = part.set_attribute("href", &here);
            part.set_class_name("button");
        }
        let _ = screen.append_child(&part);
    }
    body.set_inner_html("");
    let _ = body.append_child(screen.unchecked_ref());
}
