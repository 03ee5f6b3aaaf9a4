//! The app's executor in headless Chromium: effects wait for the task after the one that
//! made them, so that the hydration and its effects are two tasks of the main thread.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use raison_etre::browser::executor;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Resolves once the current task's microtasks have all run.
async fn microtasks_done() {
    JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL))
        .await
        .unwrap();
}

/// Resolves in a later task, after the timers set before it.
async fn later_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback(&resolve)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn effects_run_in_order_in_the_task_after_the_one_that_made_them() {
    executor::init();
    let runs = Rc::new(RefCell::new(Vec::new()));
    let owner = Owner::new();
    let (count, set_count) = signal(0);
    owner.with(|| {
        for name in ["first", "second"] {
            let runs = Rc::clone(&runs);
            Effect::new(move || {
                runs.borrow_mut()
                    .push(format!("{name} saw {}", count.get()))
            });
        }
    });
    microtasks_done().await;
    assert!(
        runs.borrow().is_empty(),
        "no effect ran in the task that made them"
    );

    later_task().await;
    assert_eq!(*runs.borrow(), ["first saw 0", "second saw 0"]);

    // Once running, an effect answers a change as before.
    set_count.set(1);
    later_task().await;
    assert_eq!(runs.borrow()[2..], ["first saw 1", "second saw 1"]);
    drop(owner);
}
