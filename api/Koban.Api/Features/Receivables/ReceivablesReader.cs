using Koban.Api.Infrastructure.Mapping;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Tenancy;
using Koban.Domain.Customers;
using Koban.Domain.Receivables;
using Koban.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Receivables;

/// <summary>Builds every response of the Receivables feature: a row of the open invoices, the aging report, a customer's
/// statement (the JSON and the PDF print the same one).</summary>
public sealed class ReceivablesReader(KobanDbContext db, CompanyClock clock)
{
    public static ReceivableSummary Summary(ReceivableRow row, DateOnly today) => new ReceivableRowOn(row, today).MapTo<ReceivableSummary>();

    /// <summary>The report from the sums per customer: customers by largest total first, then the company's totals and its DSO.</summary>
    public static AgingReport AgingReport(DateOnly asOf, IReadOnlyList<AgingRow> rows, IReadOnlyDictionary<Guid, string> names, decimal sales, DateOnly dsoFrom)
    {
        var customers = rows
            .Select(r => new CustomerAging(r.CustomerId, names.GetValueOrDefault(r.CustomerId, ""), r.MapTo<AgingAmounts>()))
            .OrderByDescending(c => c.Amounts.Total).ThenBy(c => c.CustomerName, StringComparer.CurrentCulture).ThenBy(c => c.CustomerId)
            .ToList();
        var totals = new AgingRow
        {
            NotDue = rows.Sum(r => r.NotDue),
            Days1To30 = rows.Sum(r => r.Days1To30),
            Days31To60 = rows.Sum(r => r.Days31To60),
            Days61To90 = rows.Sum(r => r.Days61To90),
            Over90 = rows.Sum(r => r.Over90),
            Total = rows.Sum(r => r.Total),
            Disputed = rows.Sum(r => r.Disputed),
            Count = rows.Sum(r => r.Count),
        }.MapTo<AgingAmounts>();
        return new AgingReport(AsOf: asOf, Customers: customers, Totals: totals, SalesLast90Days: sales, DsoFrom: dsoFrom,
            DaysSalesOutstanding: Aging.DaysSalesOutstanding(totals.Total, sales));
    }

    /// <summary>The report without its customers: the company's totals and its DSO.</summary>
    public static AgingReport AgingTotals(DateOnly asOf, AgingRow totals, decimal sales, DateOnly dsoFrom)
    {
        var amounts = totals.MapTo<AgingAmounts>();
        return new AgingReport(AsOf: asOf, Customers: [], Totals: amounts, SalesLast90Days: sales, DsoFrom: dsoFrom,
            DaysSalesOutstanding: Aging.DaysSalesOutstanding(amounts.Total, sales));
    }

    /// <summary>
    /// A customer's statement (relevé de compte) over a period, from its account's rows: the balance before the period, every
    /// invoice, credit note, receipt, refund and write-off of the period in date order with the running balance, the balance
    /// at the end, and the invoices still open at the end date with their days late. Cancelled payments (entered by mistake)
    /// are left out. Amounts include VAT; a positive balance is owed by the customer, a negative one is its credit.
    /// </summary>
    public async Task<CustomerStatementResponse> StatementAsync(Customer customer, DateOnly? requestedFrom, DateOnly? requestedTo, CancellationToken ct)
    {
        var today = await clock.TodayAsync(ct);
        var to = requestedTo ?? today;
        var from = requestedFrom ?? to.AddYears(-1).AddDays(1);
        var account = db.ReceivableItems.AsNoTracking().Where(i => i.CustomerId == customer.Id && !i.Cancelled);

        var opening = await account.Where(i => i.Date < from)
            .SumAsync(i => (decimal?)(i.Side == ReceivableSide.Debit ? i.Amount : -i.Amount), ct) ?? 0m;

        var rows = await account.Where(i => i.Date >= from && i.Date <= to)
            .GroupJoin(db.Payments.AsNoTracking(), i => i.SourceId, p => p.Id, (i, p) => new { Item = i, Payments = p })
            .SelectMany(x => x.Payments.DefaultIfEmpty(), (x, p) => new
            {
                x.Item.Id,
                x.Item.Date,
                x.Item.CreatedAt,
                x.Item.Kind,
                x.Item.Side,
                x.Item.SourceId,
                x.Item.Reference,
                x.Item.DueDate,
                x.Item.Amount,
                Method = p == null ? (PaymentMethod?)null : p.Method,
            })
            .OrderBy(r => r.Date).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(ct);

        var statement = AccountStatement.Build(opening, rows.Select(r => new StatementMovement(r.Date, r.Kind, r.Side, r.Amount)));
        var lines = rows.Zip(statement.Entries, (r, e) => new StatementRow(r.Date, r.Kind, r.Side, r.SourceId, r.Reference, r.DueDate, r.Method, e).MapTo<StatementLine>()).ToList();

        var open = await OpenInvoices.At(db, to, today).AsNoTracking().Where(r => r.CustomerId == customer.Id)
            .OrderBy(r => r.DueDate).ThenBy(r => r.IssueDate).ThenBy(r => r.Id).ToListAsync(ct);
        var openInvoices = open.Select(r => new OpenInvoiceAt(r, to).MapTo<StatementOpenInvoice>()).ToList();

        return new StatementView(customer, from, to, statement, lines, openInvoices).MapTo<CustomerStatementResponse>();
    }
}
