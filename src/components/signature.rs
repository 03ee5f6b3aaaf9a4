use leptos::prelude::*;

use crate::content::Signature;

/// The name and role of who signs the text, closing it.
#[component]
pub fn SignatureLine(
    /// Who signs.
    signature: Signature,
) -> impl IntoView {
    view! {
        <p class="signature">
            <span class="signature-name">{signature.name}</span>
            " – "
            <span class="signature-role">{signature.role}</span>
        </p>
    }
}
