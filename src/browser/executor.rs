//! Where the app's effects run: in a task after the one that spawned them.
//!
//! Leptos runs an effect's first pass on `wasm-bindgen-futures`' queue of microtasks, so
//! by default every effect the hydration creates runs in the hydration's own task, and a
//! phone's main thread stays blocked for both at once (one task of over 100 ms at 4× CPU).
//! Here the futures spawned while a task runs wait together for the next task (one
//! `setTimeout(0)` per batch), then run, in order, on that same queue: the browser can paint
//! and answer the visitor between the page taken over and the effects that follow.

use std::cell::RefCell;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The futures spawned since the current task began, in order.
    static WAITING: RefCell<Vec<PinnedLocalFuture<()>>> = const { RefCell::new(Vec::new()) };
}

/// Makes Leptos spawn its futures through [`NextTask`]. Call before hydrating.
pub fn init() {
    if Executor::init_custom_executor(NextTask).is_err() {
        super::warn("An executor was set before this one: effects run in the task that made them.");
    }
}

/// The executor: spawned futures run, in order, on `wasm-bindgen-futures`' queue, from the
/// next task on.
struct NextTask;

impl CustomExecutor for NextTask {
    fn spawn(&self, fut: PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        let first_of_batch = WAITING.with_borrow_mut(|waiting| {
            waiting.push(fut);
            waiting.len() == 1
        });
        if first_of_batch {
            run_in_next_task(|| {
                for fut in WAITING.take() {
                    wasm_bindgen_futures::spawn_local(fut);
                }
            });
        }
    }

    // The queue runs itself; nothing to poll.
    fn poll_local(&self) {}
}

/// Runs `then` in a task of its own; at once where there is no window to set a timer on.
fn run_in_next_task(then: impl FnOnce() + 'static) {
    let callback: js_sys::Function = Closure::once_into_js(then).unchecked_into();
    let scheduled =
        web_sys::window().is_some_and(|window| window.set_timeout_with_callback(&callback).is_ok());
    if !scheduled {
        // Our own closure, which takes no argument and does not throw.
        let _ = callback.call0(&JsValue::NULL);
    }
}
