using Koban.Domain.Companies;

namespace Koban.Domain.Tests.Companies;

/// <summary>The class "the legal form printed twice or raw": whatever the name already says, the form appears once, as its abbreviation.</summary>
public sealed class LegalFormTextTests
{
    private static IEnumerable<LegalForm> Forms() => Enum.GetValues<LegalForm>();

    [TestCaseSource(nameof(Forms))]
    public void The_form_is_printed_once_after_the_name_whether_or_not_the_name_carries_it(LegalForm form)
    {
        var abbreviation = LegalFormText.Abbreviation(form);
        LegalFormText.Abbreviation(form.ToString()).ShouldBe(abbreviation, "the snapshot keeps the enum name");
        if (abbreviation is null)
        {
            LegalFormText.NameWithForm("Atelier Koban Démo", abbreviation).ShouldBe("Atelier Koban Démo");
            return;
        }
        if (form != LegalForm.Association) abbreviation.ShouldNotBe(form.ToString(), "never the raw enum name (\"Sas\")");

        LegalFormText.NameWithForm("Atelier Koban Démo", abbreviation).ShouldBe($"Atelier Koban Démo {abbreviation}");
        LegalFormText.NameWithForm($"Atelier Koban Démo {abbreviation}", abbreviation).ShouldBe($"Atelier Koban Démo {abbreviation}");
        LegalFormText.NameWithForm($"Atelier Koban Démo {abbreviation.ToLowerInvariant()}", abbreviation).ShouldBe($"Atelier Koban Démo {abbreviation.ToLowerInvariant()}");
        LegalFormText.NameWithForm($"{abbreviation} Atelier Koban Démo", abbreviation).ShouldBe($"{abbreviation} Atelier Koban Démo");
    }

    [Test]
    public void Dotted_spellings_count_and_a_longer_form_is_not_mistaken_for_a_shorter_one()
    {
        LegalFormText.NameWithForm("Atelier Koban Démo S.A.S.", "SAS").ShouldBe("Atelier Koban Démo S.A.S.");
        LegalFormText.NameWithForm("Atelier Koban Démo SAS", "SA").ShouldBe("Atelier Koban Démo SAS SA");
        LegalFormText.NameWithForm("Marie Durand", "EI").ShouldBe("Marie Durand EI");
        LegalFormText.Abbreviation(LegalForm.MicroEntreprise).ShouldBe("EI");
        LegalFormText.Abbreviation("Nonsense").ShouldBeNull();
    }
}
