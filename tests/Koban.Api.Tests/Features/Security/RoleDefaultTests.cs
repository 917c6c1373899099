using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Koban.Api.Features.Users;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Infrastructure.Web;
using Koban.Api.Tests.Infrastructure;

namespace Koban.Api.Tests.Features.Security;

/// <summary>Nothing defaults to more privilege: a request that omits a privilege-bearing enum must be refused, never
/// read as that enum's first member.</summary>
public sealed class RoleDefaultTests : ApiTest
{
    /// <summary>Enums that decide what someone may do: those the permission matrix is keyed by.</summary>
    private static readonly Type[] PrivilegeEnums = [.. typeof(Permissions).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .SelectMany(m => m.GetParameters()).Select(p => p.ParameterType).Where(t => t.IsEnum).Distinct()];

    private static IEnumerable<(Type Dto, PropertyInfo Property)> RequestEnumProperties() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.Name.EndsWith("Request", StringComparison.Ordinal) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties().Select(p => (t, p)))
            .Where(x => (Nullable.GetUnderlyingType(x.p.PropertyType) ?? x.p.PropertyType).IsEnum);

    [Test]
    public void Every_request_enum_that_grants_privileges_has_no_member_at_its_default_value()
    {
        PrivilegeEnums.ShouldContain(typeof(UserRole));
        var carriers = RequestEnumProperties().Where(x => PrivilegeEnums.Contains(Nullable.GetUnderlyingType(x.Property.PropertyType) ?? x.Property.PropertyType)).ToList();
        carriers.Select(c => c.Dto).ShouldContain(typeof(CreateUserRequest));
        carriers.Select(c => c.Dto).ShouldContain(typeof(InviteUserRequest));
        carriers.Select(c => c.Dto).ShouldContain(typeof(UpdateUserRequest));
        foreach (var (dto, property) in carriers)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Enum.IsDefined(type, Activator.CreateInstance(type)!).ShouldBeFalse(
                $"{dto.Name}.{property.Name}: a missing {type.Name} would silently be {Enum.ToObject(type, 0)}");
        }
    }

    [Test]
    public void The_account_layer_refuses_a_role_that_was_never_set()
    {
        var refused = Should.Throw<FieldValidationException>(() => UserAccounts.EnsureRole(default));
        refused.Field.ShouldBe("role");
        refused.Code.ShouldBe(ApiErrorCodes.RoleRequired);
        foreach (var role in Enum.GetValues<UserRole>()) Should.NotThrow(() => UserAccounts.EnsureRole(role));
    }

    [Test]
    public async Task Creating_inviting_or_updating_a_user_without_a_role_is_a_400_naming_the_role_and_writes_nothing()
    {
        var company = await NewCompanyAsync();
        var created = await company.Admin.PostAsJsonAsync("/api/v1/users", new { email = UniqueEmail(), displayName = "Sans Rôle", temporaryPassword = "Temporary-Pass-2026" });
        await ShouldNameRoleAsync(created);
        var invited = await company.Admin.PostAsJsonAsync("/api/v1/users/invitations", new { email = UniqueEmail(), displayName = "Sans Rôle" });
        await ShouldNameRoleAsync(invited);
        var users = await (await company.Admin.GetAsync("/api/v1/users")).Json();
        users.GetProperty("items").GetArrayLength().ShouldBe(1, "only the signing-up Admin exists");

        var (_, id, _) = await NewUserAsync(company, "Viewer");
        var get = await company.Admin.GetAsync($"/api/v1/users/{id}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}") { Content = JsonContent.Create(new { displayName = "Lecteur", isActive = true }) }.WithIfMatch(get.Headers.ETag);
        var updated = await company.Admin.SendAsync(put);
        await ShouldNameRoleAsync(updated);
        (await (await company.Admin.GetAsync($"/api/v1/users/{id}")).Json()).GetProperty("role").GetString().ShouldBe("Viewer");
    }

    /// <summary>A 400 problem naming <c>role</c> (whichever layer refuses it first: the JSON contract or the validator).</summary>
    private static async Task ShouldNameRoleAsync(HttpResponseMessage response)
    {
        await response.ShouldHaveStatus(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Json()).GetProperty("errors").TryGetProperty("role", out _).ShouldBeTrue();
    }
}
