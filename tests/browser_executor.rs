//! The app's start in tasks, in headless Chromium: effects wait for the task after the one
//! that made them, work given a task of its own runs before them, a task each, and a part
//! of the page wrapped in `HydrateInNextTask` is taken over in such a task, after the rest.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use raison_etre::browser::executor;
use raison_etre::pages::HydrateInNextTask;
use wasm_bindgen_test::*;

// The browser tests' shared helpers, of which this file needs some only.
#[allow(dead_code)]
#[path = "common/page.rs"]
mod page;
use page::{container, later_task, microtasks_done};

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

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

fn click(root: &web_sys::Element, selector: &str) {
    let button = root.query_selector(selector).unwrap().unwrap();
    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).click();
}

/// Before, a deferred part, and after; the deferred part's button counts its presses, and
/// every part shows the count.
fn parts(count: RwSignal<i32>, presses: RwSignal<i32>) -> impl IntoView {
    view! {
        <p class="before">{move || count.get()}</p>
        {HydrateInNextTask(
            view! {
                <section>
                    <span>{move || count.get()}</span>
                    <button on:click=move |_| presses.update(|n| *n += 1)>"+"</button>
                </section>
            },
        )}
        <p class="after">{move || count.get()}</p>
    }
}

#[wasm_bindgen_test]
async fn a_deferred_part_is_hydrated_in_a_task_of_its_own_before_any_effect() {
    executor::init();
    let root = container();
    let (count, presses) = (RwSignal::new(0), RwSignal::new(0));
    // What the server renders for `parts` (tachys renders HTML only with its `ssr` feature).
    root.set_inner_html(
        "<p class=\"before\">0</p><section><span>0</span><button>+</button></section>\
         <p class=\"after\">0</p>",
    );

    let app = leptos::mount::hydrate_from(root.clone(), move || {
        // An effect of the part taken over first, which changes what the deferred one shows.
        Effect::new(move || count.set(5));
        parts(count, presses)
    });
    click(&root, "button");
    assert_eq!(
        presses.get_untracked(),
        0,
        "the deferred part is not taken over in the hydration's task"
    );

    later_task().await;
    later_task().await;
    click(&root, "button");
    assert_eq!(
        presses.get_untracked(),
        1,
        "it is taken over in a later task"
    );
    // Hydrated before the effect ran, the deferred part follows its change like the parts
    // around it; the part after it was found where the deferred one ends.
    for part in [".before", "span", ".after"] {
        assert_eq!(text(&root, part), "5", "{part} shows the effect's change");
    }
    drop(app);
}

#[wasm_bindgen_test]
async fn a_page_rendered_afresh_builds_the_deferred_part_at_once() {
    let root = container();
    let (count, presses) = (RwSignal::new(2), RwSignal::new(0));
    let app = leptos::mount::mount_to(root.clone(), move || parts(count, presses));
    click(&root, "button");
    assert_eq!(presses.get_untracked(), 1);
    assert_eq!(text(&root, "span"), "2");
    drop(app);
}
