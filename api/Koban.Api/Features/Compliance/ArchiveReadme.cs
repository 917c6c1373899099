using System.Globalization;
using Koban.Domain.Compliance;

namespace Koban.Api.Features.Compliance;

/// <summary>The README.txt at the root of the archive, in French and English: what each file is and how to check it by hand.</summary>
internal static class ArchiveReadme
{
    public static string Text(ClosurePeriod fiscalYear, string format)
    {
        var start = fiscalYear.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = fiscalYear.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $$"""
            ARCHIVE DE CONSERVATION KOBAN — exercice {{fiscalYear.Label}} ({{start}} → {{end}}) — format {{format}}
            =====================================================================================

            Cette archive se lit sans Koban : tout est en JSON (UTF-8), en JSON Lines ou en PDF.

            Fichiers
            - manifest.json : identité de l'entreprise, date de génération, version du format, et pour chaque fichier
              son empreinte SHA-256 et sa taille ; pour chaque document son numéro, son type, son empreinte et sa place
              dans la chaîne ; la liste des PDF absents (missingPdfs).
            - documents/<numéro>.json : le contenu complet d'une facture ou d'un avoir validé (en-tête, lignes, ventilation
              par taux de TVA, instantanés vendeur et acheteur, totaux, empreinte, empreinte précédente) et, dans
              "canonicalText", le texte exact dont l'empreinte est le SHA-256.
            - documents/<numéro>.pdf : le PDF archivé à la validation (octets identiques à ceux remis au client).
            - audit-log.jsonl : le journal d'audit de l'exercice, un événement JSON par ligne (qui, quand, quoi, avant/après).
            - chain.json : les maillons de la chaîne d'empreintes de l'exercice (séquence, type, id, numéro, empreinte,
              empreinte précédente), factures, avoirs et clôtures mêlés dans l'ordre de la séquence.
            - closures.json : les clôtures mensuelles et annuelles de l'exercice (totaux par type de document, taux et
              catégorie de TVA, de la période et cumulés depuis le début de l'exercice) avec leur texte canonique.

            Vérifier à la main (Linux / macOS)
            1. Intégrité des fichiers : comparer `sha256sum documents/FA-2026-00001.json` à la valeur du manifeste.
            2. Empreinte d'un document : écrire la valeur de "canonicalText" dans un fichier sans rien ajouter
               (jq -j .canonicalText documents/FA-2026-00001.json > doc.txt) puis `sha256sum doc.txt` : le résultat
               est "fingerprint". Le texte se reconstruit aussi depuis les champs du JSON (format documenté ci-dessous).
            3. Chaînage : le "previousFingerprint" de chaque maillon de chain.json est le "fingerprint" du maillon de
               séquence précédente ; le premier maillon d'une entreprise pointe sur 64 zéros. Un maillon absent de
               l'archive appartient à un autre exercice (document daté d'un autre exercice).

            Texte canonique : UTF-8, un enregistrement par ligne terminée par \n, champs séparés par |, les caractères
            \ | et les retours à la ligne échappés par \ (\\, \|, \n, \r), montants en centimes entiers, prix unitaires
            en dix-millièmes, quantités en millièmes, taux en centièmes de pour cent, dates AAAAMMJJ, heures UTC
            AAAAMMJJHHMMSS, valeur absente = champ vide. Documents : enregistrements KOBAN-DOC-1, SELLER, BUYER, TERMS,
            SALE (si renseigné), LINE…, VAT…, NOTE…, TOTAL, PREVIOUS. Clôtures : KOBAN-CLOSURE-1, LAST, PERIOD…, PERIOD-TOTAL, CUMUL…,
            CUMUL-TOTAL, PREVIOUS. Détail champ par champ : docs/compliance.md du dépôt Koban.


            KOBAN CONSERVATION ARCHIVE — fiscal year {{fiscalYear.Label}} ({{start}} → {{end}}) — format {{format}}
            =====================================================================================

            This archive is readable without Koban: everything is JSON (UTF-8), JSON Lines or PDF.

            Files
            - manifest.json: company identity, generation time, format version, and for every file its SHA-256 and size;
              for every document its number, type, fingerprint and chain sequence; the PDFs that are missing (missingPdfs).
            - documents/<number>.json: the full content of a validated invoice or credit note (header, lines, per-rate VAT
              breakdown, seller and buyer snapshots, totals, fingerprint, previous fingerprint) and, in "canonicalText",
              the exact text whose SHA-256 is the fingerprint.
            - documents/<number>.pdf: the PDF archived at validation (the very bytes the customer received).
            - audit-log.jsonl: the fiscal year's audit log, one JSON event per line (who, when, what, before/after).
            - chain.json: the fiscal year's links of the fingerprint chain (sequence, type, id, number, fingerprint,
              previous fingerprint), invoices, credit notes and closures together in sequence order.
            - closures.json: the fiscal year's monthly and yearly closures (totals per document type, VAT rate and
              category, for the period and cumulated since the fiscal year start) with their canonical text.

            Checking by hand (Linux / macOS)
            1. File integrity: compare `sha256sum documents/FA-2026-00001.json` with the manifest's value.
            2. A document's fingerprint: write the "canonicalText" value to a file adding nothing
               (jq -j .canonicalText documents/FA-2026-00001.json > doc.txt), then `sha256sum doc.txt` gives
               "fingerprint". The text can also be rebuilt from the JSON fields (format below).
            3. Chaining: each link's "previousFingerprint" in chain.json is the "fingerprint" of the link with the
               previous sequence; a company's first link points at 64 zeros. A link missing from the archive belongs to
               another fiscal year (a document dated in another year).

            Canonical text: UTF-8, one record per line ending in \n, fields separated by |, the characters \ | and line
            breaks escaped with \ (\\, \|, \n, \r), amounts in integer cents, unit prices in ten-thousandths, quantities
            in thousandths, rates in hundredths of a percent, dates yyyyMMdd, times UTC yyyyMMddHHmmss, absent value =
            empty field. Documents: records KOBAN-DOC-1, SELLER, BUYER, TERMS, SALE (when set), LINE…, VAT…, NOTE…, TOTAL, PREVIOUS.
            Closures: KOBAN-CLOSURE-1, LAST, PERIOD…, PERIOD-TOTAL, CUMUL…, CUMUL-TOTAL, PREVIOUS. Field by field:
            docs/compliance.md in the Koban repository.

            """;
    }
}
