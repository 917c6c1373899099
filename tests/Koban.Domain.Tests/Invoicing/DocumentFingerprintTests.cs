using Koban.Domain.Invoicing;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Invoicing.InvoicingTestData;

namespace Koban.Domain.Tests.Invoicing;

/// <summary>The SHA-256 fingerprint over a canonical text, chained per company (domain-rules.md §8).</summary>
public sealed class DocumentFingerprintTests
{
    private static readonly Guid CustomerId = Guid.Parse("0195d6a0-0000-7000-8000-0000000000c2");

    /// <summary>A validated direct invoice whose content depends only on the arguments (no product, fixed customer).</summary>
    private static Invoice Validated(string description = "Formation", decimal unitPrice = 100m, AddressSnapshot? buyerAddress = null,
        string? previous = null, long sequence = 1)
    {
        var invoice = Invoice.Direct(CustomerId, Header, [new BillingLineData(FreeLine(2m, unitPrice, description: description))], true, Now);
        invoice.Validate(Validation(invoice, sequence: sequence, previous: previous, buyer: Buyer(CustomerId) with { BillingAddress = buyerAddress ?? BuyerAddress }));
        return invoice;
    }

    [Test]
    public void The_fingerprint_is_the_sha256_of_the_canonical_utf8_text() =>
        DocumentFingerprint.Compute("abc").ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    [Test]
    public void The_same_content_always_gives_the_same_fingerprint()
    {
        var first = Validated();
        var second = Validated();

        second.Fingerprint.ShouldBe(first.Fingerprint);
        first.RecomputeFingerprint().ShouldBe(first.Fingerprint);
        DocumentFingerprint.Canonical(first).ShouldBe(DocumentFingerprint.Canonical(second));
    }

    [Test]
    public void The_canonical_text_has_fixed_fields_in_cents_and_compact_dates()
    {
        var canonical = DocumentFingerprint.Canonical(Validated(description: "Formation | niveau 2"));

        var records = canonical.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        records.Select(r => r.Split('|')[0]).ShouldBe(["KOBAN-DOC-1", "SELLER", "BUYER", "TERMS", "LINE", "VAT", "TOTAL", "PREVIOUS"]);
        records[0].ShouldStartWith("KOBAN-DOC-1|00000000-0000-0000-0000-000000000000|INV-Direct|FA-2026-0001|20260315|20260315|20260315093000|1|EUR|");
        // Quantity in thousandths, unit price in ten-thousandths, rate in hundredths, net in cents; "|" in text escaped.
        records[4].ShouldStartWith(@"LINE|0|Free||Formation \| niveau 2|2000|C62|1000000|0|2000|S|20000|");
        records[5].ShouldBe("VAT|2000|S|20000|4000");
        records[6].ShouldBe("TOTAL|20000|4000|24000");
        records[7].ShouldBe("PREVIOUS|" + DocumentFingerprint.Genesis);
    }

    [Test]
    public void A_changed_line_description_changes_the_fingerprint() =>
        Validated(description: "Formation avancée").Fingerprint.ShouldNotBe(Validated().Fingerprint);

    [Test]
    public void A_changed_buyer_address_changes_the_fingerprint() =>
        Validated(buyerAddress: BuyerAddress with { Line1 = "6 avenue Foch" }).Fingerprint.ShouldNotBe(Validated().Fingerprint);

    [Test]
    public void A_changed_total_changes_the_fingerprint() =>
        Validated(unitPrice: 100.01m).Fingerprint.ShouldNotBe(Validated().Fingerprint);

    [Test]
    public void Each_fingerprint_chains_the_previous_one()
    {
        var first = Validated();
        var second = Validated(description: "Suivi", previous: first.Fingerprint, sequence: 2);

        second.PreviousFingerprint.ShouldBe(first.Fingerprint);
        DocumentFingerprint.Canonical(second).ShouldEndWith($"PREVIOUS|{first.Fingerprint}\n");
        // The same document after another head is another fingerprint: a removed or reordered document breaks the chain.
        Validated(description: "Suivi", previous: DocumentFingerprint.Genesis, sequence: 2).Fingerprint.ShouldNotBe(second.Fingerprint);
    }

    [Test]
    public void A_flow_chains_every_invoice_and_credit_note_in_validation_order()
    {
        var flow = OrderBillingDriver.For(Line(4m, 100m), Line(1m, 50m, 5.5m));
        var deposit = flow.Deposit(AmountBasis.Percentage, 30m);
        flow.CreditAmount(deposit, AmountBasis.ExcludingVat, 10m);
        flow.Balance();

        var previous = DocumentFingerprint.Genesis;
        foreach (var document in flow.Validated)
        {
            document.PreviousFingerprint.ShouldBe(previous);
            document.RecomputeFingerprint().ShouldBe(document.Fingerprint);
            previous = document.Fingerprint!;
        }
        flow.Validated.Select(d => d.ChainSequence).ShouldBe([1L, 2L, 3L]);
        flow.Validated.Select(d => d.TypeCode).ShouldBe(["INV-Deposit", "CRN", "INV-Balance"]);
    }

    [Test]
    public void A_draft_has_no_fingerprint() =>
        Should.Throw<InvalidOperationException>(() => DocumentFingerprint.Canonical(Invoice.Direct(CustomerId, Header, [new BillingLineData(FreeLine(1m, 1m))], true, Now)));
}
