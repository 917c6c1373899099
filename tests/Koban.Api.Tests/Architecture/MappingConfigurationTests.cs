using Koban.Api.Infrastructure.Mapping;
using Mapster;

namespace Koban.Api.Tests.Architecture;

/// <summary>Every entity→response mapping declared with Mapster compiles, and every destination member has a source:
/// a response field added or renamed without its mapping fails here rather than coming out empty.</summary>
public sealed class MappingConfigurationTests
{
    [Test]
    public void Every_mapping_compiles_with_a_source_for_every_destination_member()
    {
        var config = ResponseMapping.Config;
        config.RequireDestinationMemberSource.ShouldBeTrue();
        config.RuleMap.Count.ShouldBeGreaterThan(0, "the scan found no IRegister: the configuration would check nothing");
        Should.NotThrow(() => config.Compile());
    }

    [Test]
    public void Every_mapping_used_in_queries_also_compiles_as_a_projection()
    {
        Should.NotThrow(() => ResponseMapping.Config.CompileProjection());
    }

    [Test]
    public void A_destination_member_without_a_source_is_refused()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.NewConfig<Source, Destination>();
        Should.Throw<CompileException>(() => config.Compile());
    }

    private sealed record Source(Guid Id);

    private sealed record Destination(Guid Id, decimal Total);
}
