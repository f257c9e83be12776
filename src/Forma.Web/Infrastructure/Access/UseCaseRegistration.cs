namespace Forma.Web.Infrastructure.Access;

internal static class UseCaseRegistration
{
    /// <summary>Every <see cref="IUseCase"/> in the host, scoped (they share the request's DbContext and tenant).</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        foreach (var type in All)
        {
            services.AddScoped(type);
        }

        return services;
    }

    public static IEnumerable<Type> All => typeof(IUseCase).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t));
}
