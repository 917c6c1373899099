using Mapster;

namespace Koban.Api.Infrastructure.Mapping;

/// <summary>The one Mapster configuration of the API: every entity→response mapping is declared in an
/// <see cref="IRegister"/> next to its responses, found here by scanning the assembly. A destination member
/// without a source is an error (checked when the configuration compiles, which a test does for every mapping),
/// so a renamed or added response field cannot silently come out empty — unlike positional constructors,
/// where two swapped <c>decimal</c> arguments compile.</summary>
public static class ResponseMapping
{
    public static TypeAdapterConfig Config { get; } = Build();

    private static TypeAdapterConfig Build()
    {
        var config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        config.Default.PreserveReference(false);
        config.Scan(typeof(ResponseMapping).Assembly);
        return config;
    }

    /// <summary>Maps with the API's configuration (never Mapster's global settings).</summary>
    public static TDestination MapTo<TDestination>(this object source) => source.Adapt<TDestination>(Config);

    /// <summary>An EF query projected to the response in SQL, with the same configuration.</summary>
    public static IQueryable<TDestination> ProjectTo<TDestination>(this IQueryable source) => source.ProjectToType<TDestination>(Config);
}
