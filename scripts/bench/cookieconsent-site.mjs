// The comparison site of `make bench`: this page's pre-rendered text and styles, without
// our app, with vanilla-cookieconsent 3.1 and @orestbida/iframemanager 1.3 (from
// package-lock.json) set up as their documentation shows: CookieConsent's stylesheet in the
// head and its configuration as a module that imports it ("Getting started"), with
// `hideFromBots: false` so that an automated browser sees its modal; iframemanager's
// stylesheet, its script deferred, its placeholders in the five embed slots, tied to
// CookieConsent's services as iframemanager's README shows. The modal says « Tout
// accepter », « Tout refuser » and « Réglages », in French.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ASSETS = {
  'cookieconsent.css': 'node_modules/vanilla-cookieconsent/dist/cookieconsent.css',
  'cookieconsent.umd.js': 'node_modules/vanilla-cookieconsent/dist/cookieconsent.umd.js',
  'iframemanager.css': 'node_modules/@orestbida/iframemanager/dist/iframemanager.css',
  'iframemanager.js': 'node_modules/@orestbida/iframemanager/dist/iframemanager.js',
};

/** The five embeds, as iframemanager takes them: the same services and addresses as ours. */
const SERVICES = {
  youtube: {
    label: 'YouTube',
    embedUrl: 'https://www.youtube-nocookie.com/embed/{data-id}',
    thumbnailUrl: 'https://i3.ytimg.com/vi/{data-id}/hqdefault.jpg',
    id: 'VIDEO_ID',
    ratio: '16:9',
  },
  x: { label: 'X (Twitter)', embedUrl: 'https://platform.twitter.com/embed/Tweet.html?id={data-id}', id: 'POST_ID', ratio: '9:16' },
  instagram: { label: 'Instagram', embedUrl: 'https://www.instagram.com/p/{data-id}/embed/', id: 'POST_ID', ratio: '9:16' },
  facebook: { label: 'Facebook', embedUrl: 'https://www.facebook.com/plugins/post.php?href={data-id}', id: 'POST_ID', ratio: '9:16' },
  linkedin: { label: 'LinkedIn', embedUrl: 'https://www.linkedin.com/embed/feed/update/urn:li:share:{data-id}', id: 'POST_ID', ratio: '9:16' },
};

/** The configuration script: CookieConsent's modal and categories, iframemanager's
 * services, and the two tied together as iframemanager's README shows. */
function configScript() {
  const services = Object.fromEntries(
    Object.entries(SERVICES).map(([name, s]) => [
      name,
      {
        embedUrl: s.embedUrl,
        ...(s.thumbnailUrl ? { thumbnailUrl: s.thumbnailUrl } : {}),
        languages: {
          fr: {
            notice: `Ce contenu est hébergé par ${s.label}. En l’affichant, vous acceptez ses conditions.`,
            loadBtn: 'Afficher',
            loadAllBtn: 'Ne plus demander',
          },
        },
      },
    ]),
  );
  const ccServices = Object.fromEntries(
    Object.entries(SERVICES).map(([name, s]) => [name, { label: s.label, onAccept: `@${name}:accept`, onReject: `@${name}:reject` }]),
  );
  // Functions cannot go through JSON: placeholders are swapped for them below.
  const categories = JSON.stringify({ necessary: { enabled: true, readOnly: true }, thirdParty: { services: ccServices } }, null, 2).replace(
    /"@(\w+):(accept|reject)"/g,
    (_, name, what) => `() => im.${what}Service('${name}')`,
  );
  return `import './cookieconsent.umd.js';

{
  const im = iframemanager();
  im.run({
    currLang: 'fr',
    onChange: ({ changedServices, eventSource }) => {
      if (eventSource.type === 'click') {
        CookieConsent.acceptService([...CookieConsent.getUserPreferences().acceptedServices.thirdParty, ...changedServices], 'thirdParty');
      }
    },
    services: ${JSON.stringify(services, null, 2)},
  });
  CookieConsent.run({
    hideFromBots: false,
    guiOptions: { consentModal: { layout: 'box', position: 'bottom right', equalWeightButtons: true } },
    categories: ${categories},
    language: {
      default: 'fr',
      translations: {
        fr: {
          consentModal: {
            title: 'Cookies et contenus tiers',
            description: 'Cette page peut afficher des contenus de YouTube, X (Twitter), Instagram, Facebook et LinkedIn, qui déposent des cookies : rien n’est chargé sans votre accord.',
            acceptAllBtn: 'Tout accepter',
            acceptNecessaryBtn: 'Tout refuser',
            showPreferencesBtn: 'Réglages',
          },
          preferencesModal: {
            title: 'Gestion des cookies',
            acceptAllBtn: 'Tout accepter',
            acceptNecessaryBtn: 'Tout refuser',
            savePreferencesBtn: 'Enregistrer',
            closeIconLabel: 'Fermer',
            sections: [
              { title: 'Nécessaires', linkedCategory: 'necessary' },
              { title: 'Contenus tiers', description: 'Vidéo et publications de réseaux sociaux.', linkedCategory: 'thirdParty' },
            ],
          },
        },
      },
    },
  });
}
`;
}

/** Replaces the element that opens at `start` in `html` (with its content) by `replacement`. */
function replaceElement(html, start, replacement) {
  let depth = 0;
  const tags = /<(\/?)div\b[^>]*>/g;
  tags.lastIndex = start;
  for (let match; (match = tags.exec(html)); ) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return html.slice(0, start) + replacement + html.slice(tags.lastIndex);
  }
  throw new Error('unbalanced markup');
}

/** Writes the site into `dir` from `reference`, the scriptless copy of the pre-rendered page;
 * returns the files a first visit downloads. */
export function buildCookieConsentSite(reference, dir, path) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'cc'), { recursive: true });
  for (const [name, from] of Object.entries(ASSETS)) copyFileSync(from, join(dir, 'cc', name));
  writeFileSync(join(dir, 'cc', 'config.js'), configScript());
  let html = readFileSync(reference, 'utf8')
    // Our page's own CSP names our scripts by hash; theirs is set up without one.
    .replace(/<meta[^>]*http-equiv="?Content-Security-Policy"?[^>]*>/i, '');
  const grid = html.indexOf('<div class="embed-grid">');
  if (grid < 0) throw new Error('the reference page has no embed grid');
  const slots = Object.entries(SERVICES)
    .map(([name, s]) => `<div class="embed"><div data-service="${name}" data-id="${s.id}" data-ratio="${s.ratio}" data-autoscale></div></div>`)
    .join('');
  html = replaceElement(html, grid, `<div class="embed-grid">${slots}</div>`);
  const css = '<link rel="stylesheet" href="/cc/cookieconsent.css"><link rel="stylesheet" href="/cc/iframemanager.css">';
  const scripts = '<script defer src="/cc/iframemanager.js"></script><script type="module" src="/cc/config.js"></script>';
  html = html.replace('</head>', `${css}</head>`).replace('</body>', `${scripts}</body>`);
  for (const file of ['index.html', `${path.slice(1)}.html`]) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
  // Our styles come along in the HTML, where the build inlines them.
  return ['index.html', ...Object.keys(ASSETS).map((name) => `cc/${name}`), 'cc/config.js'];
}
