namespace Forma.Web.Infrastructure.Endpoints;

/// <summary>One feature's endpoints. Implementations are found and mapped at start-up, so adding a feature touches no central list.</summary>
public interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder app);
}

public static class EndpointGroupExtensions
{
    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        // Every endpoint's input passes the domain's text, date and enum rules before its handler runs.
        var checkedInput = app.MapGroup("").AddEndpointFilterFactory(Validation.InputRules.Filter);
        var groups = typeof(IEndpointGroup).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpointGroup).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in groups)
        {
            ((IEndpointGroup)Activator.CreateInstance(type)!).Map(checkedInput);
        }

        return app;
    }
}
