using Mono.Cecil;

namespace Koban.Api.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, read from the compiled IL (signatures and method bodies, lambdas and
/// async state machines included), so a <c>using</c> cannot hide an edge:
/// <list type="bullet">
/// <item>the domain references nothing but the base class library;</item>
/// <item>infrastructure never references a feature;</item>
/// <item>a feature references another feature only through its Mediator messages (requests, commands, queries,
///   notifications) and the types those messages carry — never its handlers, services, entities or helpers;</item>
/// <item><c>Features.Common</c> (and the shared examples at <c>Features</c>' root) is a shared kernel: every feature may use it, it uses no feature.</item>
/// </list>
/// The host (<c>Program</c>, <c>Demo</c>, the generated Mediator) wires everything and is free.
/// Edges not yet removed are listed, one file per source area, in <c>Architecture/known-edges/</c>: a new edge fails
/// the test, and so does a listed edge that no longer exists (the list only shrinks).
/// </summary>
public sealed class DependencyRulesTests
{
    private const string FeaturesPrefix = "Koban.Api.Features.";
    private static readonly Lazy<ModuleDefinition> Api = new(() => ModuleDefinition.ReadModule(typeof(Program).Assembly.Location));

    [Test]
    public void The_domain_references_only_the_base_class_library()
    {
        var domain = typeof(Koban.Domain.Common.ErrorCodes).Assembly;
        var references = domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.Where(n => !(n.StartsWith("System", StringComparison.Ordinal) || n is "netstandard" or "mscorlib"))
            .ShouldBeEmpty("Koban.Domain must not depend on any library or on the API");
    }

    [Test]
    public void Only_the_known_edges_break_the_rules_and_every_known_edge_still_exists()
    {
        var actual = ForbiddenEdges().ToHashSet(StringComparer.Ordinal);
        var known = KnownEdges();

        var added = actual.Except(known).Order(StringComparer.Ordinal).ToList();
        var gone = known.Except(actual).Order(StringComparer.Ordinal).ToList();

        // Both lists reported at once: a move often removes one edge and adds another.
        var problems = new List<string>();
        if (added.Count > 0) problems.Add("forbidden dependencies (source area -> target type): go through the target feature's Mediator request, " +
            "move the shared code to Infrastructure/Domain/Features.Common, or give the code its own home:\n  " + string.Join("\n  ", added));
        if (gone.Count > 0) problems.Add("these edges are gone: delete their lines from Architecture/known-edges:\n  " + string.Join("\n  ", gone));
        problems.ShouldBeEmpty();
    }

    [Test]
    public void The_rule_sees_an_edge_hidden_in_a_lambda_of_a_method_body()
    {
        // Guard of the scanner itself: a reference made only inside a lambda must be found.
        var self = ModuleDefinition.ReadModule(typeof(DependencyRulesTests).Assembly.Location);
        var type = self.GetType(typeof(LambdaProbe).FullName!.Replace('+', '/'));
        References(type).Select(r => r.FullName).ShouldContain(typeof(Koban.Domain.Common.ErrorCodes).FullName!);
    }

    [Test]
    public void A_handler_is_never_part_of_a_feature_s_public_face()
    {
        // Guard of the rule itself: the services a handler takes in its constructor must not become allowed targets
        // because the handler's interface names a command or a query.
        var cache = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var features = Api.Value.Types.Select(t => Area(t.Namespace)).OfType<string>()
            .Where(a => a is not ("Host" or "Domain" or "Infrastructure" or "Common")).Distinct().ToList();
        features.ShouldNotBeEmpty();
        var handlers = Api.Value.Types.Where(t => t.Interfaces.Any(i => i.InterfaceType.Namespace == "Mediator" && i.InterfaceType.Name.Contains("Handler", StringComparison.Ordinal)))
            .Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);
        handlers.ShouldNotBeEmpty();
        features.SelectMany(f => ContractOf(f, cache)).Where(handlers.Contains).ShouldBeEmpty();
    }

    private static class LambdaProbe
    {
        public static Func<string> Probe() => () => typeof(Koban.Domain.Common.ErrorCodes).Name;
    }

    /// <summary>
    /// The real feature graph, for docs/architecture.md: every feature-to-feature dependency read from the IL, as a Mermaid
    /// flowchart written to the test output (<c>dotnet test --filter The_feature_graph --logger "console;verbosity=detailed"</c>).
    /// A solid arrow goes through the target's Mediator messages (labelled with the messages used); a dashed one is a
    /// forbidden edge still listed in known-edges.
    /// </summary>
    [Test]
    public void The_feature_graph_is_written_to_the_test_output()
    {
        var edges = FeatureEdges().ToList();
        var lines = new List<string> { "flowchart LR" };
        foreach (var group in edges.GroupBy(e => (e.Source, e.Target)).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Target, StringComparer.Ordinal))
        {
            var allowed = group.Where(e => e.ThroughMessages).ToList();
            var messages = allowed.Where(e => IsMessage(e.Type)).Select(e => e.Type.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            // Only types a message carries (a response handed on): named instead.
            if (messages.Count == 0) messages = [.. allowed.Select(e => e.Type.Name).Distinct().Order(StringComparer.Ordinal)];
            var forbidden = group.Where(e => !e.ThroughMessages).Select(e => e.Type.Name).Distinct().Order(StringComparer.Ordinal).ToList();
            if (messages.Count > 0) lines.Add($"  {group.Key.Source} -->|{string.Join(", ", messages)}| {group.Key.Target}");
            if (forbidden.Count > 0) lines.Add($"  {group.Key.Source} -.->|{string.Join(", ", forbidden)}| {group.Key.Target}");
        }
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, lines));
        edges.ShouldNotBeEmpty();
    }

    /// <summary>Every forbidden edge of the API assembly, as "SourceArea -> Target.Type".</summary>
    internal static IEnumerable<string> ForbiddenEdges() =>
        AreaEdges().Where(e => !e.Allowed).Select(e => $"{e.Source} -> {e.Type.FullName[FeaturesPrefix.Length..]}");

    /// <summary>Every use of a feature's type by another feature: whether it goes through the target's messages.</summary>
    private static IEnumerable<(string Source, string Target, TypeDefinition Type, bool ThroughMessages)> FeatureEdges() =>
        AreaEdges().Where(e => e.Source is not ("Infrastructure" or "Common")).Select(e => (e.Source, e.Target, e.Type, e.Allowed));

    /// <summary>Every reference from an area to a type of a feature other than itself (Common, Infrastructure, Domain and
    /// the host are not features), with whether the rules allow it.</summary>
    private static IEnumerable<(string Source, string Target, TypeDefinition Type, bool Allowed)> AreaEdges()
    {
        var module = Api.Value;
        var contracts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in module.Types)
        {
            var source = Area(type.Namespace);
            if (source is null or "Host" or "Domain") continue;
            foreach (var target in References(type).Select(Top).Where(t => t is not null).Select(t => t!).DistinctBy(t => t.FullName))
            {
                var targetArea = Area(target.Namespace);
                if (targetArea is null or "Host" or "Domain" or "Infrastructure" or "Common" || targetArea == source) continue;
                var allowed = source != "Infrastructure" && source != "Common" && ContractOf(targetArea, contracts).Contains(target.FullName);
                if (target.Resolve() is { } definition) yield return (source, targetArea, definition, allowed);
            }
        }
    }

    private static HashSet<string> KnownEdges()
    {
        var folder = Path.Combine(TestContext.CurrentContext.TestDirectory, "Architecture", "known-edges");
        var edges = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return edges;
        foreach (var file in Directory.GetFiles(folder, "*.txt"))
        {
            var source = Path.GetFileNameWithoutExtension(file);
            foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                edges.Add($"{source} -> {line}");
            }
        }
        return edges;
    }

    /// <summary>"Host", "Domain", "Infrastructure", "Common" or the feature's name; null outside Koban.</summary>
    private static string? Area(string ns)
    {
        if (ns.StartsWith("Koban.Domain", StringComparison.Ordinal)) return "Domain";
        if (ns.StartsWith("Koban.Api.Infrastructure", StringComparison.Ordinal)) return "Infrastructure";
        if (ns == "Koban.Api.Features") return "Common";
        if (ns.StartsWith(FeaturesPrefix, StringComparison.Ordinal))
        {
            var feature = ns[FeaturesPrefix.Length..].Split('.')[0];
            return feature == "Common" ? "Common" : feature;
        }
        return ns.StartsWith("Koban", StringComparison.Ordinal) || ns.Length == 0 || ns.StartsWith("Mediator", StringComparison.Ordinal) ? "Host" : null;
    }

    /// <summary>The public face of a feature: its Mediator messages and every type of the feature they carry.</summary>
    private static HashSet<string> ContractOf(string feature, Dictionary<string, HashSet<string>> cache)
    {
        if (cache.TryGetValue(feature, out var known)) return known;
        var surface = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<TypeDefinition>(Api.Value.Types.Where(t => Area(t.Namespace) == feature && IsMessage(t)));
        while (pending.TryDequeue(out var type))
        {
            if (!surface.Add(type.FullName)) continue;
            var carried = type.Interfaces.Select(i => i.InterfaceType)
                .Concat(type.Properties.Where(p => p.GetMethod is { IsPublic: true }).Select(p => p.PropertyType))
                .Concat(type.Methods.Where(m => m.IsConstructor && m.IsPublic).SelectMany(m => m.Parameters.Select(p => p.ParameterType)))
                .SelectMany(Expand);
            foreach (var reference in carried)
            {
                if (Top(reference) is { } top && Area(top.Namespace) == feature && top.Resolve() is { } definition) pending.Enqueue(definition);
            }
        }
        cache[feature] = surface;
        return surface;
    }

    /// <summary>The message interfaces of Mediator (not its handler interfaces: a handler's constructor is no public face).</summary>
    private static readonly HashSet<string> MessageInterfaces =
        ["IMessage", "IRequest", "IRequest`1", "ICommand", "ICommand`1", "IQuery`1", "INotification", "IStreamRequest`1", "IStreamCommand`1", "IStreamQuery`1"];

    private static bool IsMessage(TypeDefinition type) =>
        type.Interfaces.Any(i => i.InterfaceType.Namespace == "Mediator" && MessageInterfaces.Contains(i.InterfaceType.GetElementType().Name));

    /// <summary>Every type a type and its nested types mention: base, interfaces, attributes, members, signatures and IL.</summary>
    internal static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            if (reference is not null) found.AddRange(Expand(reference));
        }
        void Attributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments) if (argument.Value is TypeReference t) Add(t);
            }
        }
        void Method(MethodReference method)
        {
            Add(method.DeclaringType);
            Add(method.ReturnType);
            foreach (var parameter in method.Parameters) Add(parameter.ParameterType);
            if (method is GenericInstanceMethod generic) foreach (var argument in generic.GenericArguments) Add(argument);
        }

        Add(type.BaseType);
        Attributes(type);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        foreach (var field in type.Fields) { Add(field.FieldType); Attributes(field); }
        foreach (var property in type.Properties) { Add(property.PropertyType); Attributes(property); }
        foreach (var method in type.Methods)
        {
            Method(method);
            Attributes(method);
            foreach (var parameter in method.Parameters) Attributes(parameter);
            foreach (var constraint in method.GenericParameters.SelectMany(g => g.Constraints)) Add(constraint.ConstraintType);
            if (!method.HasBody) continue;
            foreach (var variable in method.Body.Variables) Add(variable.VariableType);
            foreach (var handler in method.Body.ExceptionHandlers) Add(handler.CatchType);
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference m: Method(m); break;
                    case FieldReference f: Add(f.DeclaringType); Add(f.FieldType); break;
                }
            }
        }
        foreach (var nested in type.NestedTypes) found.AddRange(References(nested));
        return found;
    }

    private static IEnumerable<TypeReference> Expand(TypeReference reference)
    {
        switch (reference)
        {
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var t in Expand(generic.ElementType)) yield return t;
                foreach (var argument in generic.GenericArguments) foreach (var t in Expand(argument)) yield return t;
                yield break;
            case TypeSpecification specification:
                foreach (var t in Expand(specification.ElementType)) yield return t;
                yield break;
            default:
                yield return reference;
                yield break;
        }
    }

    /// <summary>The outermost declaring type: a lambda's closure class counts as the type that wrote the lambda.</summary>
    private static TypeReference? Top(TypeReference reference)
    {
        var current = reference;
        while (current.DeclaringType is not null) current = current.DeclaringType;
        return current;
    }
}
