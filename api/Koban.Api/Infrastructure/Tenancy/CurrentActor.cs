using System.Security.Claims;

namespace Koban.Api.Infrastructure.Tenancy;

/// <summary>Who is acting, for which company. Read from the authenticated principal, or set explicitly by
/// background work and the demo seeder through <see cref="Impersonate"/> / <see cref="EnterSystemScope"/>.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    private Guid? _companyOverride;
    private Guid? _userOverride;
    private string? _nameOverride;
    private int _systemDepth;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? CompanyId => _companyOverride ?? ReadGuid(KobanClaims.CompanyId);

    public Guid? UserId => _userOverride ?? ReadGuid(KobanClaims.UserId);

    public Guid? ApiKeyId => _companyOverride is null ? ReadGuid(KobanClaims.ApiKeyId) : null;

    public string? DisplayName => _nameOverride ?? Principal?.FindFirst(KobanClaims.DisplayName)?.Value;

    /// <summary>True inside a system scope: authentication look-ups and sign-up, which must read across companies.
    /// PostgreSQL row-level security lets such connections through only while this is set.</summary>
    public bool IsSystem => _systemDepth > 0;

    public Guid RequireCompanyId() =>
        CompanyId ?? throw new InvalidOperationException("No company in the current context.");

    public void Impersonate(Guid companyId, Guid? userId, string? displayName)
    {
        _companyOverride = companyId;
        _userOverride = userId;
        _nameOverride = displayName;
    }

    public IDisposable EnterSystemScope()
    {
        _systemDepth++;
        return new Exit(this);
    }

    /// <summary>Acts for <paramref name="companyId"/> until disposed, then for whoever acted before: a look-up that
    /// needs only that company's rows (the session check of a signed-in user) runs with that company's rights rather
    /// than across companies.</summary>
    public IDisposable EnterCompanyScope(Guid companyId)
    {
        var previous = _companyOverride;
        _companyOverride = companyId;
        return new Restore(() => _companyOverride = previous);
    }

    private Guid? ReadGuid(string claim) =>
        Guid.TryParse(Principal?.FindFirst(claim)?.Value, out var id) ? id : null;

    private sealed class Restore(Action restore) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            restore();
        }
    }

    private sealed class Exit(CurrentActor actor) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (_done) return;
            _done = true;
            actor._systemDepth--;
        }
    }
}

public static class KobanClaims
{
    public const string CompanyId = "koban:company";
    public const string UserId = "koban:user";
    public const string ApiKeyId = "koban:apikey";
    public const string DisplayName = "koban:name";
    public const string Role = "koban:role";
    public const string Scope = "koban:scope";
    public const string MustChangePassword = "koban:mustchangepassword";
    public const string SecurityStamp = "koban:stamp";
    public const string SessionId = "koban:session";
}
