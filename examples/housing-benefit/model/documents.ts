import { incomeLimit, rentCeiling, type Application, type RequiredDocument } from './data.ts';

/*
 * The case file of a synthetic application: the application form and the documents the applicant
 * submitted, as plain text with pages. Documents are German, as a German authority's file is; the
 * example's UI around them is translated. Evidence quotes point into these texts (document, page,
 * character span), so a caseworker can check every quote against its source.
 */

export type DocumentKind = 'application' | RequiredDocument;

export interface CaseDocument {
  /** Stable id within the case, e.g. `WG-2025-0003/bank`. */
  id: string;
  kind: DocumentKind;
  /** The document's name as filed, e.g. "Kontoauszug 03/2025". */
  title: string;
  /** The text of each page. */
  pages: string[];
}

const euro = (value: number) =>
  `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} EUR`;

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  application: 'Wohngeldantrag (Mietzuschuss)',
  income: 'Einkommensnachweis (Verdienstbescheinigung 03/2025)',
  rent: 'Mietvertrag',
  bank: 'Kontoauszug 03/2025',
};

/** The lines evidence can quote, by the fact they show. */
export function quoteLines(app: Application) {
  const missingTitles = app.missing.map((kind) => DOCUMENT_TITLES[kind]).join(', ');
  return {
    household: `Anzahl der zu berücksichtigenden Haushaltsmitglieder: ${app.householdSize}`,
    missing: app.missing.length > 0 ? `Folgende Unterlagen werden nachgereicht: ${missingTitles}` : undefined,
    complete: app.missing.length === 0 ? 'Alle erforderlichen Nachweise sind beigefügt.' : undefined,
    income: `Nettoeinkommen des Haushalts monatlich: ${euro(app.income)}`,
    rent: `Monatliche Miete (Grundmiete zzgl. kalter Nebenkosten): ${euro(app.rent)}`,
    credit: `Gutschrift Lohn/Gehalt 03/2025: ${euro(app.bankCredit)}`,
    assets: `Guthaben und Wertpapiere gesamt: ${euro(app.assets)}`,
  };
}

/** The case file: application form first, then the submitted documents. */
export function documentsOf(app: Application): CaseDocument[] {
  const q = quoteLines(app);
  const docs: CaseDocument[] = [
    {
      id: `${app.id}/application`,
      kind: 'application',
      title: DOCUMENT_TITLES.application,
      pages: [
        [
          `Aktenzeichen: ${app.id}`,
          `Antragsteller/in: ${app.applicant}`,
          `Wohnort: ${app.municipality} (Mietstufe ${romanOf(app.mietstufe)})`,
          q.household,
          `Antrag auf Mietzuschuss ab dem 01.04.2025.`,
          q.missing ?? q.complete!,
        ].join('\n'),
        [
          'Ich versichere, dass meine Angaben vollständig und richtig sind.',
          `Höchstbetrag der Miete für diesen Haushalt (Hinweis der Behörde): ${euro(rentCeiling(app.householdSize, app.mietstufe))}`,
          `Einkommensgrenze für diesen Haushalt (Hinweis der Behörde): ${euro(incomeLimit(app.householdSize, app.mietstufe))}`,
        ].join('\n'),
      ],
    },
  ];
  if (!app.missing.includes('income')) {
    docs.push({
      id: `${app.id}/income`,
      kind: 'income',
      title: DOCUMENT_TITLES.income,
      pages: [
        [`Verdienstbescheinigung für ${app.applicant}`, 'Abrechnungszeitraum: März 2025', q.income].join(
          '\n',
        ),
      ],
    });
  }
  if (!app.missing.includes('rent')) {
    docs.push({
      id: `${app.id}/rent`,
      kind: 'rent',
      title: DOCUMENT_TITLES.rent,
      pages: [
        [`Mietvertrag über Wohnraum in ${app.municipality}`, `Mieter/in: ${app.applicant}`].join('\n'),
        ['§ 3 Miete und Nebenkosten', q.rent, 'Die Miete ist monatlich im Voraus zu zahlen.'].join('\n'),
      ],
    });
  }
  if (!app.missing.includes('bank')) {
    docs.push({
      id: `${app.id}/bank`,
      kind: 'bank',
      title: DOCUMENT_TITLES.bank,
      pages: [[`Kontoinhaber/in: ${app.applicant}`, q.credit, q.assets].join('\n')],
    });
  }
  return docs;
}

function romanOf(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'][n - 1] ?? String(n);
}

/** Where a line is in the case file: document, 1-based page and character span. */
export function locate(docs: CaseDocument[], line: string) {
  for (const doc of docs) {
    for (let p = 0; p < doc.pages.length; p++) {
      const start = doc.pages[p]!.indexOf(line);
      if (start >= 0) return { doc, page: p + 1, span: { start, end: start + line.length } };
    }
  }
  return undefined;
}
