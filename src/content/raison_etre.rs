//! The text of telecom-paris.fr, « Notre raison d’être ».

use super::{Article, Block, HOME, HOME_FR, Link, Section, Signature};
use crate::routes::RAISON_ETRE;

pub const PAGE: Article = Article {
    path: RAISON_ETRE,
    document_title: "Notre raison d’être | Télécom Paris",
    description: "Télécom Paris forme, imagine et entreprend pour concevoir des modèles, des \
        technologies et des solutions numériques au service d’une société et d’une économie \
        respectueuses de l’humain et de son environnement.",
    breadcrumbs: &[
        HOME,
        HOME_FR,
        Link {
            label: "L’École",
            href: "https://www.telecom-paris.fr/fr/ecole",
        },
        Link {
            label: "Télécom Paris en bref",
            href: "https://www.telecom-paris.fr/fr/ecole/bref",
        },
    ],
    title: "Notre raison d’être",
    intro: &[
        Block::Paragraph(
            "Télécom Paris, au sein de l’Institut Mines-Télécom, grande école publique des \
             ministères de l’industrie et des communications électroniques, a redéfini sa \
             raison d’être.",
        ),
        Block::Statement(
            "Notre Raison d’Être est de former, imaginer et entreprendre pour concevoir des \
             modèles, des technologies et des solutions numériques au service d’une société \
             et d’une économie respectueuses de l’humain et de son environnement.",
        ),
        Block::Paragraph(
            "La redéfinition de cette raison d’être résulte d’un processus inclusif et \
             collégial qui a débuté en février 2020, dans une logique de co-construction \
             d’inclure la majorité des étudiants et personnels de Télécom Paris. Cette \
             proposition a été présentée en avant-première le 19\u{a0}mai avant d’être votée \
             en Conseil d’École le 11\u{a0}juin.",
        ),
        Block::Paragraph(
            "Nos formations sont sélectives et de qualité, interdisciplinaires et adossées à \
             une recherche rigoureuse. L’expérimentation est au cœur de notre démarche et \
             notre école est un laboratoire, développant l’imagination et l’esprit \
             entrepreneurial, et qui permet de tester des idées, des projets et des solutions \
             dans une logique ouverte.",
        ),
        Block::Paragraph(
            "Nos talents sont des spécialistes du numérique, et développent la recherche et \
             l’innovation, selon une approche héritée du modèle «\u{202f}d’ingénieurs à la \
             française\u{202f}»\u{a0}: couvrant à la fois les technologies, les aspects de \
             modélisation et théoriques, jusqu’aux solutions pratiques, aux usages et à leur \
             impact sur la société.",
        ),
    ],
    sections: &[
        Section {
            heading: "Nous nous inscrivons dans une double logique\u{a0}:",
            blocks: &[
                Block::Paragraph(
                    "Généraliste en étant interdisciplinaires et spécialiste sur le sujet du \
                     numérique. Cette approche interdisciplinaire du numérique est notre \
                     contribution spécifique au sein de l’Institut Polytechnique de Paris et de \
                     tout notre écosystème.",
                ),
                Block::Paragraph(
                    "Nous créons et développons des relations fortes avec nos partenaires \
                     académiques, les entreprises et le monde socio-économique en général, en \
                     nous mettant au service d’une société et d’une économie respectueuses de \
                     l’humain et de son environnement et en cherchant à répondre aux enjeux \
                     sociaux et écologiques.",
                ),
            ],
        },
        Section {
            heading: "Notre Raison d’Être se compose donc de trois types d’éléments\u{a0}:",
            blocks: &[Block::Paragraph(
                "Une première partie sur ce qui est typique d’un établissement d’éducation \
                 supérieure comme le nôtre, avec des éléments de coloration qui nous sont \
                 propres\u{a0}: nous formons, imaginons et entreprenons. Ensuite, une deuxième \
                 partie sur notre spécificité\u{a0}: nous concevons des modèles, des technologies \
                 et des solutions numériques, et donc nous ré-affirmons notre expertise qui nous \
                 distingue sur «\u{202f}toute la verticale du numérique\u{202f}». Une dernière \
                 partie enfin, plus aspirationnelle, mettant notre action au service d’une \
                 société et d’une économie respectueuse de l’humain et de son environnement.",
            )],
        },
    ],
    signature: Signature {
        name: "Nicolas Glady",
        role: "Directeur de Télécom Paris",
    },
};
