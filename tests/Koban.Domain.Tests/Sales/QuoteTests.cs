using Koban.Domain.Common;
using Koban.Domain.Documents;
using Koban.Domain.Sales;
using static Koban.Domain.Tests.Sales.SalesTestData;

namespace Koban.Domain.Tests.Sales;

public sealed class QuoteTests
{
    private static Quote NewDraft() =>
        Quote.CreateDraft(Guid.NewGuid(), null, Today.AddDays(30), [DocumentLineData.Title("Phase 1"), Product(3m, 33.33m, discount: 10m)]);

    private static Quote Sent()
    {
        var quote = NewDraft();
        quote.MarkSent("DE-2026-001", Today);
        return quote;
    }

    [Test]
    public void A_new_quote_is_an_unnumbered_draft_with_its_totals()
    {
        var quote = NewDraft();

        quote.Status.ShouldBe(QuoteStatus.Draft);
        quote.Number.ShouldBeNull();
        quote.Lines.Select(l => l.Position).ShouldBe([0, 1]);
        quote.Lines[1].UnitCode.ShouldBe("HUR");
        quote.TotalExcludingVat.ShouldBe(89.99m);
        quote.TotalIncludingVat.ShouldBe(107.99m);
    }

    [Test]
    public void A_free_line_without_a_unit_gets_the_default_unit() =>
        Quote.CreateDraft(Guid.NewGuid(), null, Today, [Free(1m, 10m, 20m)]).Lines[0].UnitCode.ShouldBe("C62");

    [Test]
    public void Sending_numbers_the_quote()
    {
        var quote = Sent();

        quote.Status.ShouldBe(QuoteStatus.Sent);
        quote.Number.ShouldBe("DE-2026-001");
        quote.SentOn.ShouldBe(Today);
    }

    [Test]
    public void A_quote_without_priced_lines_cannot_be_sent()
    {
        var quote = Quote.CreateDraft(Guid.NewGuid(), null, Today, [DocumentLineData.Title("Rien")]);

        Should.Throw<DomainException>(() => quote.MarkSent("DE-1", Today)).Code.ShouldBe(ErrorCodes.DocumentHasNoPricedLine);
        quote.Number.ShouldBeNull();
    }

    [Test]
    public void A_quote_cannot_be_sent_already_past_its_validity() =>
        Should.Throw<DomainException>(() => NewDraft().MarkSent("DE-1", Today.AddDays(31))).Code.ShouldBe(ErrorCodes.QuoteValidityBeforeQuoteDate);

    [Test]
    public void A_quote_is_sent_only_once() =>
        Should.Throw<DomainConflictException>(() => Sent().MarkSent("DE-2", Today)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);

    [Test]
    public void Only_a_draft_is_editable_or_deletable()
    {
        var quote = Sent();

        Should.Throw<DomainConflictException>(() => quote.ReplaceLines([Product()])).Code.ShouldBe(ErrorCodes.DocumentFrozen);
        Should.Throw<DomainConflictException>(() => quote.UpdateHeader(quote.CustomerId, null, Today)).Code.ShouldBe(ErrorCodes.DocumentFrozen);
        Should.Throw<DomainConflictException>(quote.EnsureDeletable).Code.ShouldBe(ErrorCodes.DocumentNotDeletable);
        Should.NotThrow(NewDraft().EnsureDeletable);
    }

    [Test]
    public void A_draft_replaces_its_lines_and_totals()
    {
        var quote = NewDraft();

        quote.ReplaceLines([Product(1m, 10m)]);

        quote.Lines.ShouldHaveSingleItem();
        quote.TotalIncludingVat.ShouldBe(12m);
    }

    [Test]
    public void A_sent_quote_is_expired_once_its_validity_date_has_passed()
    {
        var quote = Sent();

        quote.IsExpired(Today.AddDays(30)).ShouldBeFalse();
        quote.IsExpired(Today.AddDays(31)).ShouldBeTrue();
        NewDraft().IsExpired(Today.AddDays(90)).ShouldBeFalse();
    }

    [Test]
    public void A_sent_quote_is_accepted_or_refused_once()
    {
        var accepted = Sent();
        accepted.Accept(Today.AddDays(2));
        accepted.Status.ShouldBe(QuoteStatus.Accepted);
        Should.Throw<DomainConflictException>(() => accepted.Refuse(Today, null)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);

        var refused = Sent();
        refused.Refuse(Today, " Trop cher ");
        refused.RefusalReason.ShouldBe("Trop cher");
        Should.Throw<DomainConflictException>(() => refused.Accept(Today));
    }

    [Test]
    public void A_draft_cannot_be_accepted() =>
        Should.Throw<DomainConflictException>(() => NewDraft().Accept(Today)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);

    [Test]
    public void An_expired_quote_cannot_be_accepted() =>
        Should.Throw<DomainConflictException>(() => Sent().Accept(Today.AddDays(31))).Code.ShouldBe(ErrorCodes.QuoteExpired);

    [Test]
    public void Duplicating_gives_a_new_draft_with_the_same_lines()
    {
        var original = Sent();

        var copy = original.Duplicate(Today.AddDays(60));

        copy.Id.ShouldNotBe(original.Id);
        copy.Status.ShouldBe(QuoteStatus.Draft);
        copy.Number.ShouldBeNull();
        copy.ValidUntil.ShouldBe(Today.AddDays(60));
        copy.Lines.Select(l => l.ToData()).ShouldBe(original.Lines.Select(l => l.ToData()));
        copy.Lines.Select(l => l.Id).ShouldNotContain(original.Lines[0].Id);
    }
}

public sealed class OpportunityTests
{
    private static Opportunity NewOpportunity() => Opportunity.Create(Guid.NewGuid(), " Refonte du site ", 12000m, Today.AddDays(60), Guid.NewGuid());

    [Test]
    public void A_new_opportunity_is_open()
    {
        var opportunity = NewOpportunity();

        opportunity.Stage.ShouldBe(OpportunityStage.Open);
        opportunity.Title.ShouldBe("Refonte du site");
    }

    [Test]
    public void An_opportunity_needs_a_title_and_a_positive_amount_in_cents()
    {
        Should.Throw<DomainException>(() => Opportunity.Create(Guid.NewGuid(), " ", 1m, null, null)).Code.ShouldBe(ErrorCodes.OpportunityTitleRequired);
        Should.Throw<DomainException>(() => Opportunity.Create(Guid.NewGuid(), "X", -1m, null, null)).Code.ShouldBe(ErrorCodes.AmountNegative);
        Should.Throw<DomainException>(() => Opportunity.Create(Guid.NewGuid(), "X", 1.001m, null, null)).Code.ShouldBe(ErrorCodes.AmountTooPrecise);
    }

    [Test]
    public void Winning_closes_the_opportunity()
    {
        var opportunity = NewOpportunity();

        opportunity.Win(Today);

        opportunity.Stage.ShouldBe(OpportunityStage.Won);
        opportunity.ClosedOn.ShouldBe(Today);
        Should.Throw<DomainConflictException>(() => opportunity.Lose("x", Today)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        Should.Throw<DomainConflictException>(() => opportunity.Update(Guid.NewGuid(), "X", 1m, null, null));
    }

    [Test]
    public void Losing_requires_a_reason()
    {
        var opportunity = NewOpportunity();

        Should.Throw<DomainException>(() => opportunity.Lose(" ", Today)).Code.ShouldBe(ErrorCodes.LostReasonRequired);
        opportunity.Stage.ShouldBe(OpportunityStage.Open);
        opportunity.Lose("Concurrent moins cher", Today);
        opportunity.LostReason.ShouldBe("Concurrent moins cher");
    }

    [Test]
    public void A_closed_opportunity_can_be_reopened_and_an_open_one_cannot()
    {
        var opportunity = NewOpportunity();
        Should.Throw<DomainConflictException>(opportunity.Reopen);

        opportunity.Lose("Budget", Today);
        opportunity.Reopen();

        opportunity.Stage.ShouldBe(OpportunityStage.Open);
        opportunity.LostReason.ShouldBeNull();
        opportunity.ClosedOn.ShouldBeNull();
    }

    private static Quote Accepted(Opportunity opportunity, decimal unitPrice = 100m)
    {
        var quote = Quote.CreateDraft(opportunity.CustomerId, opportunity.Id, Today.AddDays(30), [Free(3m, unitPrice, 20m)]);
        quote.MarkSent("DE-2026-001", Today);
        quote.Accept(Today);
        return quote;
    }

    [Test]
    public void Accepting_a_quote_of_the_opportunity_wins_it_with_the_quotes_amount()
    {
        var opportunity = NewOpportunity();

        opportunity.WinByAcceptedQuote(Accepted(opportunity), Today.AddDays(1)).ShouldBeTrue();

        opportunity.Stage.ShouldBe(OpportunityStage.Won);
        opportunity.ClosedOn.ShouldBe(Today.AddDays(1));
        opportunity.ExpectedAmount.ShouldBe(300m);
    }

    [Test]
    public void An_opportunity_already_won_keeps_its_first_win()
    {
        var opportunity = NewOpportunity();
        opportunity.Win(Today);

        opportunity.WinByAcceptedQuote(Accepted(opportunity), Today.AddDays(5)).ShouldBeFalse();

        opportunity.ClosedOn.ShouldBe(Today);
        opportunity.ExpectedAmount.ShouldBe(12000m);
    }

    [Test]
    public void A_lost_opportunity_whose_quote_is_accepted_after_all_is_won()
    {
        var opportunity = NewOpportunity();
        opportunity.Lose("Silence du client", Today);

        opportunity.WinByAcceptedQuote(Accepted(opportunity, 50m), Today.AddDays(2)).ShouldBeTrue();

        opportunity.Stage.ShouldBe(OpportunityStage.Won);
        opportunity.LostReason.ShouldBeNull();
        opportunity.ExpectedAmount.ShouldBe(150m);
    }

    [Test]
    public void Only_an_accepted_quote_of_this_opportunity_wins_it()
    {
        var opportunity = NewOpportunity();
        var other = Opportunity.Create(opportunity.CustomerId, "Autre", 1m, null, null);
        var sent = Quote.CreateDraft(opportunity.CustomerId, opportunity.Id, Today.AddDays(30), [Free(1m, 10m, 20m)]);
        sent.MarkSent("DE-2026-002", Today);

        Should.Throw<DomainException>(() => opportunity.WinByAcceptedQuote(Accepted(other), Today)).Code.ShouldBe(ErrorCodes.QuoteNotOfOpportunity);
        Should.Throw<DomainException>(() => opportunity.WinByAcceptedQuote(sent, Today)).Code.ShouldBe(ErrorCodes.QuoteNotOfOpportunity);
        opportunity.Stage.ShouldBe(OpportunityStage.Open);
    }

    [Test]
    public void A_refused_quote_leaves_the_opportunity_open()
    {
        var opportunity = NewOpportunity();
        var quote = Quote.CreateDraft(opportunity.CustomerId, opportunity.Id, Today.AddDays(30), [Free(1m, 10m, 20m)]);
        quote.MarkSent("DE-2026-003", Today);
        quote.Refuse(Today, "Trop cher");

        Should.Throw<DomainException>(() => opportunity.WinByAcceptedQuote(quote, Today));
        opportunity.Stage.ShouldBe(OpportunityStage.Open);
    }

    [Test]
    public void Winning_again_by_its_quote_is_a_no_op_but_a_lost_opportunity_is_reopened_first()
    {
        var opportunity = NewOpportunity();
        var quote = Accepted(opportunity);

        opportunity.WinWith(quote, Today).ShouldBeTrue();
        opportunity.WinWith(quote, Today.AddDays(1)).ShouldBeFalse();
        Should.Throw<DomainConflictException>(() => opportunity.WinWith(null, Today)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        opportunity.ClosedOn.ShouldBe(Today);

        var lost = NewOpportunity();
        lost.Lose("Budget", Today);
        Should.Throw<DomainConflictException>(() => lost.WinWith(Accepted(lost), Today)).Code.ShouldBe(ErrorCodes.InvalidStateTransition);
        var bare = NewOpportunity();
        bare.WinWith(null, Today).ShouldBeTrue();
        bare.ExpectedAmount.ShouldBe(12000m);
    }
}
