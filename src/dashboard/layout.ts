/** The dashboard's page shell: navigation, the language switch and logout, in the viewer's language. */
import type { Locale } from '../domain/types.js';
import { html, type Html } from '../http/html.js';
import type { Translate } from '../i18n.js';

export type Section = 'overview' | 'overdue' | 'people' | 'rounds' | 'task' | 'none' | OfficeSection;
/** The office workbench's pages (/office). */
export type OfficeSection = 'office' | 'office-staff' | 'office-links' | 'office-plans' | 'office-tasks';

export interface Shell {
  t: Translate;
  locale: Locale;
  title: string;
  section: Section;
  /** The page's own path and query, where the language switch comes back to. */
  here: string;
  viewer?: { name: string; csrf: string; dashboard?: boolean } | undefined;
}

function nav(t: Translate, section: Section, dashboard: boolean): Html {
  const office: [Section, string, string][] = [
    ['office-staff', '/office/staff', t('office-nav-staff')],
    ['office-links', '/office/links', t('office-nav-links')],
    ['office-plans', '/office/plans', t('office-nav-plans')],
    ['office-tasks', '/office/tasks', t('office-nav-tasks')],
  ];
  const board: [Section, string, string][] = [
    ['overview', '/dashboard', t('dash-nav-overview')],
    ['overdue', '/dashboard/overdue', t('dash-nav-overdue')],
    ['people', '/dashboard/people', t('dash-nav-people')],
    ['rounds', '/dashboard/rounds', t('dash-nav-rounds')],
  ];
  const inOffice = section.startsWith('office');
  const items = inOffice
    ? [...office, ...(dashboard ? [['none', '/dashboard', t('office-nav-dashboard')] as [Section, string, string]] : [])]
    : [...board, ['none', '/office', t('office-nav-office')] as [Section, string, string]];
  return html`<nav class="nav">${items.map(
    ([key, href, label]) => html`<a href="${href}"${key === section ? html` aria-current="page"` : ''}>${label}</a>`,
  )}</nav>`;
}

export function layout(shell: Shell, body: Html): Html {
  const { t, locale, title, section, here, viewer } = shell;
  const other = locale === 'vi' ? 'en' : 'vi';
  return html`<!doctype html>
<html lang="${locale}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>${title} · dondoc</title>
  <link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body>
  <header class="top">
    <a class="brand" href="${section.startsWith('office') ? '/office' : '/dashboard'}">dondoc</a>
    ${viewer ? nav(t, section, viewer.dashboard !== false) : ''}
    <div class="tools">
      ${viewer ? html`<span class="me">${viewer.name}</span>` : ''}
      <form method="post" action="/dashboard/lang" class="inline">
        <input type="hidden" name="lang" value="${other}"><input type="hidden" name="next" value="${here}">
        <button type="submit" class="link" lang="${other}">${t(other === 'en' ? 'web-lang-en' : 'web-lang-vi')}</button>
      </form>
      ${
        viewer
          ? html`<form method="post" action="/dashboard/logout" class="inline">
            <input type="hidden" name="csrf" value="${viewer.csrf}">
            <button type="submit" class="link">${t('dash-logout')}</button>
          </form>`
          : ''
      }
    </div>
  </header>
  <main class="page">
    <h1>${title}</h1>
    ${body}
  </main>
</body>
</html>`;
}

/** A page that only says something: expired session, forbidden, bad link, logged out. */
export function messagePage(shell: Omit<Shell, 'section'> & { section?: Section }, lines: string[]): Html {
  return layout({ ...shell, section: shell.section ?? 'none' }, html`<div class="notice">${lines.map((line) => html`<p>${line}</p>`)}</div>`);
}
