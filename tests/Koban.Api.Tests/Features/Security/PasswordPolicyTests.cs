using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using FluentValidation;
using Koban.Api.Demo;
using Koban.Api.Features.Auth;
using Koban.Api.Infrastructure.Security;
using Koban.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Koban.Api.Tests.Features.Security;

public sealed class PasswordPolicyTests : ApiTest
{
    [TestCase("Password1234")]
    [TestCase("P@ssw0rd2026!")]
    [TestCase("Azerty123456")]
    [TestCase("2026Motdepasse!")]
    [TestCase("Welcome 2026 !!")]
    [TestCase("Qwertyuiop12")]
    public void Common_passwords_and_their_decorated_forms_are_refused(string password) =>
        PasswordRules.Check(password).ShouldBe("password_too_common");

    [TestCase("A1b                    ")] // long only thanks to spaces
    [TestCase("  Abcdefgh1  ")] // 10 characters that count
    [TestCase("Ab1 Ab1 Ab1 ")] // 9 characters that count
    [TestCase("abcdefghijk1")] // no upper case
    public void Length_counts_only_characters_that_are_not_spaces(string password) =>
        PasswordRules.Check(password).ShouldBe("password_too_weak");

    [Test]
    public void Ordinary_strong_passwords_pass_including_every_demo_and_test_password()
    {
        string[] passwords = ["Correct-Horse-Battery-42", "Ma maison bleue 1987", Password, "Temporary-Pass-2026", .. DemoSeeder.Logins.Select(l => l.Password)];
        foreach (var password in passwords) PasswordRules.Check(password).ShouldBeNull(password);
    }

    /// <summary>Every request that sets a password — found by reflection, so a new one cannot forget the policy — refuses
    /// a common password and a short one padded with spaces, naming the field and the rule.</summary>
    [Test]
    public async Task Every_command_that_sets_a_password_applies_the_policy()
    {
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Command", StringComparison.Ordinal) && t != typeof(LoginCommand))
            .Select(t => (Type: t, Property: t.GetProperties().FirstOrDefault(p => p.PropertyType == typeof(string)
                && p.Name.EndsWith("Password", StringComparison.Ordinal) && p.Name != "CurrentPassword")))
            .Where(x => x.Property is not null)
            .ToList();
        string[] known = ["SignupCommand", "CreateUserCommand", "ChangePasswordCommand", "ConfirmPasswordResetCommand", "AcceptInvitationCommand"];
        known.Except(commands.Select(c => c.Type.Name)).ShouldBeEmpty();

        await using var scope = Factory.Services.CreateAsyncScope();
        foreach (var (type, property) in commands)
        {
            foreach (var (password, rule) in new[] { ("Password1234", "password_too_common"), ("  Abcdefgh1       ", "password_too_weak") })
            {
                var command = Build(type, property!.Name, password);
                var validators = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type)).Cast<IValidator>().ToList();
                validators.ShouldNotBeEmpty($"{type.Name} has no validator");
                var errors = new List<FluentValidation.Results.ValidationFailure>();
                foreach (var validator in validators)
                    errors.AddRange((await validator.ValidateAsync(new ValidationContext<object>(command))).Errors);
                errors.ShouldContain(e => e.PropertyName == property.Name && e.ErrorCode == rule, $"{type.Name}.{property.Name} accepted '{password}'");
            }
        }
    }

    /// <summary>The command through its widest constructor, plausible values everywhere, the password under test.</summary>
    private static object Build(Type type, string passwordProperty, string password)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p =>
            string.Equals(p.Name, passwordProperty, StringComparison.OrdinalIgnoreCase) ? password
            : p.ParameterType == typeof(string) ? (p.Name!.Contains("mail", StringComparison.OrdinalIgnoreCase) ? "someone@example.fr" : "Valeur")
            : p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType.IsEnum ? Enum.GetValues(p.ParameterType).GetValue(0)
            : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        return constructor.Invoke(arguments);
    }

    [Test]
    public async Task Sign_up_names_the_broken_rule_on_the_password_field()
    {
        var common = await Anonymous().PostAsJsonAsync("/api/v1/signup", new { companyName = "Mot de passe SAS", adminEmail = UniqueEmail(), adminDisplayName = "A", adminPassword = "Password1234" });
        var body = await common.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").GetProperty("adminPassword")[0].GetString().ShouldBe(Koban.Api.Infrastructure.Web.ErrorCatalog.Message("password_too_common", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
        var spaces = await Anonymous().PostAsJsonAsync("/api/v1/signup", new { companyName = "Mot de passe SAS", adminEmail = UniqueEmail(), adminDisplayName = "A", adminPassword = "Ab1         c" });
        (await spaces.ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("adminPassword")[0].GetString()
            .ShouldBe(Koban.Api.Infrastructure.Web.ErrorCatalog.Message("password_too_weak", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
    }
}
