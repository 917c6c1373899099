namespace Koban.Domain.Accounting.Export;

/// <summary>
/// The customer-account lines of one receivable row (invoice, credit note, receipt, refund, write-off) in the journal, summed:
/// <see cref="Tag"/> separates a receipt's lines booked for one invoice (the receipt entry has one customer line per invoice it
/// settled when recorded) from the rest of the receipt (null). <see cref="Balance"/> is debit − credit, <see cref="FirstDate"/>
/// and <see cref="LastDate"/> the dates of the earliest and latest entries, <see cref="ChainSequence"/> the place of the row's
/// document in the fingerprint chain (invoices and credit notes; null for payments and write-offs).
/// </summary>
public sealed record LetteringNode(Guid Item, Guid? Tag, decimal Balance, DateOnly FirstDate, DateOnly LastDate, long? ChainSequence);

/// <summary>An active allocation: <see cref="CreditItem"/> settles <see cref="DebitItem"/>, whose document is <see cref="DebitSourceId"/>.</summary>
public sealed record LetteringLink(Guid DebitItem, Guid CreditItem, Guid DebitSourceId);

/// <summary>The lettering of a group of lines: its code (EcritureLet) and date (DateLet).</summary>
public sealed record Letter(string Code, DateOnly Date);

/// <summary>
/// Lettering (EcritureLet, DateLet) of customer-account lines in an export, from the receivables ledger: rows joined by their
/// active allocations form a group — an invoice with the receipts and credit notes that settled it, a credit note with the
/// refund that paid it out, a receipt first booked to the suspense account (471) and the entry that identified it. A group
/// is lettered when its lines balance to zero and all of them are in the exported period, so every letter of a file
/// balances to zero on its account; a group still open, or with a line outside the period, stays unlettered. The code comes
/// from the smallest chain sequence of the group's documents (<see cref="LetteringCode"/>: each document belongs to one
/// group, so codes never repeat); a group without an invoice or credit note (a receipt refunded) stays unlettered. The date is
/// that of the group's latest entry.
/// </summary>
public static class Lettering
{
    public static IReadOnlyDictionary<(Guid Item, Guid? Tag), Letter> Assign(IReadOnlyList<LetteringNode> nodes, IEnumerable<LetteringLink> links, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(links);
        var index = new Dictionary<(Guid, Guid?), int>(nodes.Count);
        var byItem = new Dictionary<Guid, List<int>>();
        for (var i = 0; i < nodes.Count; i++)
        {
            index[(nodes[i].Item, nodes[i].Tag)] = i;
            if (!byItem.TryGetValue(nodes[i].Item, out var list)) byItem[nodes[i].Item] = list = [];
            list.Add(i);
        }
        var parent = new int[nodes.Count];
        for (var i = 0; i < parent.Length; i++) parent[i] = i;
        var spoiled = new bool[nodes.Count];

        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }

        int? NodeOf(Guid item, Guid? tag)
        {
            if (tag is not null && index.TryGetValue((item, tag), out var tagged)) return tagged;
            if (index.TryGetValue((item, null), out var untagged)) return untagged;
            return byItem.TryGetValue(item, out var list) ? list[0] : null;
        }

        foreach (var link in links)
        {
            var debit = NodeOf(link.DebitItem, null);
            var credit = NodeOf(link.CreditItem, link.DebitSourceId);
            if (debit is { } d && credit is { } c) Union(d, c);
            else if ((debit ?? credit) is { } known) spoiled[known] = true; // settled by a row with no line in reach: the group is not all here
        }

        var groups = new Dictionary<int, (decimal Balance, DateOnly First, DateOnly Last, long? Sequence, bool Spoiled)>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var root = Find(i);
            var n = nodes[i];
            groups[root] = groups.TryGetValue(root, out var g)
                ? (g.Balance + n.Balance, n.FirstDate < g.First ? n.FirstDate : g.First, n.LastDate > g.Last ? n.LastDate : g.Last,
                    n.ChainSequence is { } s && (g.Sequence is null || s < g.Sequence) ? s : g.Sequence, g.Spoiled || spoiled[i])
                : (n.Balance, n.FirstDate, n.LastDate, n.ChainSequence, spoiled[i]);
        }

        var letters = new Dictionary<(Guid Item, Guid? Tag), Letter>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var g = groups[Find(i)];
            if (g.Spoiled || g.Balance != 0m || g.Sequence is not > 0 || g.First < from || g.Last > to) continue;
            letters[(nodes[i].Item, nodes[i].Tag)] = new Letter(LetteringCode.From(g.Sequence.Value), g.Last);
        }
        return letters;
    }
}
