//! The third-party content shown after the article, each behind the visitor's consent.
//!
//! The original page does not say which video and which posts it showed: set each `src`
//! below to the real embed address (one line each) where it says `VIDEO_ID` or `POST_ID`.
//! Each address must start with its service's `frame_origin` (see `consent::services`); the
//! tests check it, and the Content-Security-Policy frames nothing else.

use crate::consent::Service;
use crate::consent::services::{FACEBOOK, INSTAGRAM, LINKEDIN, X, YOUTUBE};

/// The box an embed takes, reserved by its placeholder so that nothing moves when it loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A video, 16:9.
    Wide,
    /// A social media post, taller than wide.
    Tall,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embed {
    /// Its service: one of the constants of `consent::services`.
    pub service: &'static Service,
    /// The iframe's accessible name.
    pub title: &'static str,
    /// The iframe's address, on the service's `frame_origin`.
    pub src: &'static str,
    pub shape: Shape,
}

pub const EMBEDS: &[Embed] = &[
    Embed {
        service: &YOUTUBE,
        title: "Vidéo YouTube de Télécom Paris",
        src: "https://www.youtube-nocookie.com/embed/VIDEO_ID",
        shape: Shape::Wide,
    },
    Embed {
        service: &X,
        title: "Publication de Télécom Paris sur X",
        src: "https://platform.twitter.com/embed/Tweet.html?id=POST_ID&lang=fr&dnt=true",
        shape: Shape::Tall,
    },
    Embed {
        service: &INSTAGRAM,
        title: "Publication de Télécom Paris sur Instagram",
        src: "https://www.instagram.com/p/POST_ID/embed/",
        shape: Shape::Tall,
    },
    Embed {
        service: &FACEBOOK,
        title: "Publication de Télécom Paris sur Facebook",
        src: "https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FPOST_ID&show_text=true",
        shape: Shape::Tall,
    },
    Embed {
        service: &LINKEDIN,
        title: "Publication de Télécom Paris sur LinkedIn",
        src: "https://www.linkedin.com/embed/feed/update/urn:li:share:POST_ID",
        shape: Shape::Tall,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::POLICY;

    #[test]
    fn every_embed_loads_from_its_own_service_origin() {
        for embed in EMBEDS {
            let origin = format!("{}/", embed.service.frame_origin);
            assert!(
                embed.src.starts_with(&origin),
                "{embed:?} is not on {origin}"
            );
        }
    }

    #[test]
    fn every_service_has_an_embed() {
        for service in POLICY.services {
            assert!(
                EMBEDS.iter().any(|e| e.service.id == service.id),
                "{service:?}"
            );
        }
    }
}
