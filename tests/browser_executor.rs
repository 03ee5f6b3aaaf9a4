//! The app's start in tasks, in headless Chromium: effects wait for the task after the one
//! that made them, and work given a task of its own runs before them, a task each.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use raison_etre::browser::executor;
use wasm_bindgen_test::*;

// The browser tests' shared helpers, of which this file needs the waiting ones only.
#[allow(dead_code)]
#[path = "common/page.rs"]
mod page;
use page::{later_task, microtasks_done};

wasm_bindgen_test_configure!(run_in_browser);

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

#[wasm_bindgen_test]
async fn jobs_run_a_task_each_before_the_effects_waiting() {
    executor::init();
    let runs = Rc::new(RefCell::new(Vec::new()));
    let owner = Owner::new();
    owner.with(|| {
        let runs = Rc::clone(&runs);
        Effect::new(move || runs.borrow_mut().push("effect"));
    });
    for job in ["first job", "second job"] {
        let runs = Rc::clone(&runs);
        executor::in_own_task(move || runs.borrow_mut().push(job));
    }
    microtasks_done().await;
    assert!(
        runs.borrow().is_empty(),
        "nothing runs in the task that asked"
    );

    later_task().await;
    assert_eq!(*runs.borrow(), ["first job"], "one job in the next task");
    later_task().await;
    assert_eq!(*runs.borrow(), ["first job", "second job"]);
    later_task().await;
    assert_eq!(*runs.borrow(), ["first job", "second job", "effect"]);
    drop(owner);
}
