//! Where the app's effects run: in a task after the one that spawned them.
//!
//! Leptos runs an effect's first pass on `wasm-bindgen-futures`' queue of microtasks, so
//! by default every effect the hydration creates runs in the hydration's own task, and a
//! phone's main thread stays blocked for both at once (docs/performance.md).
//! Here the futures spawned while a task runs wait together for a later task (one
//! `setTimeout(0)` at a time), then run, in order, on that same queue: the browser can paint
//! and answer the visitor between the page taken over and the effects that follow. Work
//! given to [`in_own_task`] (the page's content hydrated later, the embeds' frames, which
//! cost a phone's main thread each) comes first, a task each.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Work for a task of its own.
type Job = Box<dyn FnOnce()>;

thread_local! {
    /// The futures spawned since they last ran, in order.
    static WAITING: RefCell<Vec<PinnedLocalFuture<()>>> = const { RefCell::new(Vec::new()) };
    /// What must run before them, each in a task of its own ([`in_own_task`]).
    static FIRST: RefCell<VecDeque<Job>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a task is already set to run what waits.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// Makes Leptos spawn its futures through [`NextTask`]. Call before hydrating.
pub fn init() {
    if Executor::init_custom_executor(NextTask).is_err() {
        super::warn("An executor was set before this one: effects run in the task that made them.");
    }
}

/// Runs `job` in a task of its own, before the futures spawned until then run: a part of
/// the page taken over later is hydrated before the effects that change it, and costly
/// changes to the page are spread over several tasks.
pub fn in_own_task(job: impl FnOnce() + 'static) {
    FIRST.with_borrow_mut(|first| first.push_back(Box::new(job)));
    schedule();
}

/// The executor: spawned futures run, in order, on `wasm-bindgen-futures`' queue, from the
/// next task on.
struct NextTask;

impl CustomExecutor for NextTask {
    fn spawn(&self, fut: PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        WAITING.with_borrow_mut(|waiting| waiting.push(fut));
        schedule();
    }

    // The queue runs itself; nothing to poll.
    fn poll_local(&self) {}
}

/// Sets a task to run what waits, unless one is set already.
fn schedule() {
    if !SCHEDULED.replace(true) {
        run_in_next_task(run_next);
    }
}

/// One task's work: the first job waiting, if any, and a task for what is left; else every
/// future waiting.
fn run_next() {
    SCHEDULED.set(false);
    match FIRST.with_borrow_mut(VecDeque::pop_front) {
        Some(job) => {
            job();
            let more = FIRST.with_borrow(|first| !first.is_empty())
                || WAITING.with_borrow(|waiting| !waiting.is_empty());
            if more {
                schedule();
            }
        }
        None => {
            for fut in WAITING.take() {
                wasm_bindgen_futures::spawn_local(fut);
            }
        }
    }
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
