using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Compliance;
using Koban.Domain.Documents;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Koban.Api.Features.Compliance;

/// <summary>
/// <c>/api/v1/compliance</c>. Rights: verifying the chain and exporting the archive need <c>audit:read</c> (they expose the
/// audit log and every document: Admin and Accountant); reading closures needs <c>accounting:read</c>; closing a period
/// needs <c>accounting:write</c> (Admin and Accountant).
/// </summary>
public static class ComplianceEndpoints
{
    private static readonly DateTimeOffset Stamp = new(2026, 4, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly ClosureResponse March = new(Guid.Parse("01936f00-0000-7000-8000-0000000000a3"), ClosureKind.Month, "2026-03", new DateOnly(2026, 3, 1),
        new DateOnly(2026, 3, 31), new DateOnly(2026, 1, 1),
        [
            new ClosureRowResponse("CRN", 20m, VatCategory.Standard, 1, 337.95m, 67.59m, 405.54m),
            new ClosureRowResponse("INV-Deposit", 20m, VatCategory.Standard, 1, 436.77m, 87.35m, 524.12m),
            new ClosureRowResponse("INV-Balance", 20m, VatCategory.Standard, 1, 1019.13m, 203.83m, 1222.96m),
        ],
        new ClosureTotalsResponse(3, 1117.95m, 223.59m, 1341.54m),
        [
            new ClosureRowResponse("CRN", 20m, VatCategory.Standard, 1, 337.95m, 67.59m, 405.54m),
            new ClosureRowResponse("INV-Deposit", 20m, VatCategory.Standard, 1, 436.77m, 87.35m, 524.12m),
            new ClosureRowResponse("INV-Balance", 20m, VatCategory.Standard, 1, 1019.13m, 203.83m, 1222.96m),
            new ClosureRowResponse("INV-Full", 20m, VatCategory.Standard, 4, 5230.00m, 1046.00m, 6276.00m),
        ],
        new ClosureTotalsResponse(7, 6347.95m, 1269.59m, 7617.54m),
        "AV-2026-00001", 7, "3c1f…9a0e", Stamp, null, AutoClosureJob.ActorName, 8, "3c1f…9a0e", "b7d2…41c5");

    public static void MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/compliance").WithTags("Compliance");
        group.MapGet("/chain", async Task<Ok<ChainVerification>> (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new VerifyChainQuery(), ct)))
            .WithName("VerifyComplianceChain")
            .WithSummary("Recompute and verify the company's fingerprint chain")
            .WithDescription("Recomputes the SHA-256 fingerprint of every validated invoice and credit note from its stored content (every line, the seller and buyer snapshots, the per-rate breakdown, the totals, the validation time) and of every closure from its stored totals, walking them together in chain order, and checks each links to the previous one without gap. `intact: false` reports the first break: `content_changed` (a document's or closure's content no longer gives its fingerprint — e.g. a line description, an address or a total altered behind the application's back), `previous_link_broken`, `sequence_gap` or `head_mismatch`. The canonical texts are documented in docs/compliance.md, so the check can be redone without Koban.")
            .RequirePermission(Permissions.Audit, Access.Read)
            .WithExamples(null, 200, new ChainVerification(true, 42, 3, 45, "4be1d2c97f0e5a0c2b7b3f2b8e4b1f6f0a9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b", null, new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero)));

        group.MapPost("/closures", async Task<Created<ClosureResponse>> (CloseClosureRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var closure = await mediator.Send(new CloseClosureCommand(request.Kind, request.Year, request.Month), ct);
                return TypedResults.Created($"/api/v1/compliance/closures/{closure.Id}", closure);
            })
            .WithName("CloseCompliancePeriod")
            .WithSummary("Close a month or a fiscal year")
            .WithDescription("Records the period's totals per document type, VAT rate and category — for the period and cumulated since the start of the fiscal year (company setting `fiscalYearStartMonth`) — with the last document of the period, and chains the closure's own fingerprint after the last validated document or closure. Documents belong to the period of their issue date; once a month is closed, no invoice or credit note can be dated in it (`period_closed`). Rules: a period closes once (409 `closure_already_closed`) and only after its last day in the company's time zone (422 `closure_period_not_ended`); months close in order: a month waits for every earlier month that has documents (422 `closure_previous_month_open`; months without documents need no closure) and cannot be closed before an already closed month (422 `closure_out_of_order`); a fiscal year closes after its last month (422 `closure_months_open`). A fiscal year is named after the year of its closing date. A daily job closes ended months automatically (`Koban:Compliance:AutoClose`).")
            .RequirePermission(Permissions.Accounting, Access.Write)
            .WithProblems(409, 422)
            .WithExamples(new CloseClosureRequest(ClosureKind.Month, 2026, 3), 201, March);

        group.MapGet("/closures", async Task<Ok<ClosureListResponse>> (int? year, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListClosuresQuery(year), ct)))
            .WithName("ListComplianceClosures")
            .WithSummary("List closures")
            .WithDescription("Every monthly and yearly closure of the company in chain order (at most 13 a fiscal year, so the list is not paged). `year` keeps those of one fiscal year, named after the year of its closing date.")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithProblems(422)
            .WithExamples(null, 200, new ClosureListResponse([March]));

        group.MapGet("/closures/{id:guid}", async Task<Ok<ClosureResponse>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetClosureQuery(id), ct)))
            .WithName("GetComplianceClosure")
            .WithSummary("Get a closure")
            .WithDescription("A closure as stored: period and cumulative totals per document type, VAT rate and category, grand totals net of credit notes, the last document of the period, who closed it and when, and its place in the fingerprint chain (sequence, previous fingerprint, fingerprint).")
            .RequirePermission(Permissions.Accounting, Access.Read)
            .WithExamples(null, 200, March);

        group.MapGet("/archive", async Task<PushStreamHttpResult> (int year, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var export = await mediator.Send(new ExportComplianceArchiveQuery(year), ct);
                return TypedResults.Stream(stream => export.WriteAsync(stream, http.RequestAborted), "application/zip", export.FileName);
            })
            .WithName("ExportComplianceArchive")
            .WithSummary("Download the conservation archive of a fiscal year (ZIP)")
            .WithDescription("A ZIP readable without Koban, streamed as it is written: `README.txt` (French and English: every file and how to verify by hand), `documents/<number>.json` (full content of every validated invoice and credit note dated in the fiscal year, with the canonical text its fingerprint hashes) and `documents/<number>.pdf` (the archived PDF, when it exists), `audit-log.jsonl` (the year's audit events), `chain.json` (the year's chain links in sequence order), `closures.json` (the year's closures with their canonical text) and, last, `manifest.json` (company identity, generation time, format version, the SHA-256 and size of every other file, every document's number, type, fingerprint and chain sequence, and the PDFs missing). `year` is the fiscal year named after its closing date. The export is recorded in the audit log.")
            .RequirePermission(Permissions.Audit, Access.Read)
            .WithProblems(422)
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip");
    }
}
