using Koban.Api.Features.Common;
using Koban.Api.Infrastructure.Persistence;
using Koban.Api.Infrastructure.Web;
using Koban.Domain.Documents;
using Koban.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Koban.Api.Features.Projects;

/// <summary>Checks a project form's references (customer, members) and turns it into <see cref="ProjectData"/>.</summary>
public sealed class ProjectInput(KobanDbContext db, SalesLineBuilder lines)
{
    public async Task<ProjectData> ReadAsync(ProjectRequest r, bool forNewProject, CancellationToken ct)
    {
        await lines.CustomerAsync(r.CustomerId, "customerId", forNewProject, ct);
        var members = await MembersAsync(r.MemberIds, ct);
        var vatRate = r.VatRate ?? await StandardVatRateAsync(ct);
        return new ProjectData(r.Name, r.Code, r.CustomerId, r.BudgetHours, r.BudgetAmount, r.HourlyRate, vatRate, r.StartDate, r.EndDate, members);
    }

    /// <summary>Members must be users of the company (another company's user is unknown: <c>memberIds[i]</c>).</summary>
    public async Task<IReadOnlyList<Guid>> MembersAsync(IReadOnlyList<Guid>? memberIds, CancellationToken ct)
    {
        var ids = memberIds ?? [];
        var distinct = ids.Distinct().ToList();
        var known = await db.Users.AsNoTracking().Where(u => distinct.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i])) throw new ReferenceNotFoundException($"memberIds[{i}]");
        }
        return distinct;
    }

    /// <summary>The service's VAT rate when none is given: 0 % under the VAT franchise, else the standard 20 %.</summary>
    public async Task<decimal> StandardVatRateAsync(CancellationToken ct) =>
        await db.Companies.Select(c => c.VatFranchise).SingleAsync(ct) ? 0m : VatRates.Allowed[0];
}
