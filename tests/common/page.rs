//! What the Chromium tests share: a place in the page to mount into, and ways to wait for
//! the browser's queues.

use wasm_bindgen_futures::JsFuture;

/// A fresh element at the end of the body, to mount into: a test file's tests share one page.
pub fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    wasm_bindgen::JsCast::unchecked_into(element)
}

/// Resolves once the current task's microtasks have all run.
pub async fn microtasks_done() {
    JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
}

/// Resolves once `condition` holds, checked after each task; fails the test, saying `what`
/// it waited for, if it does not within a few hundred tasks.
pub async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..500 {
        if condition() {
            return;
        }
        later_task().await;
    }
    panic!("waited in vain for {what}");
}

/// Resolves in a later task, after the timers set before it.
pub async fn later_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}
