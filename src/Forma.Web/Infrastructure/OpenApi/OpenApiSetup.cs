using Microsoft.OpenApi;

namespace Forma.Web.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ExplorerPath = "docs";

    public static IServiceCollection AddFormaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddSchemaTransformer(ValidationSchemaTransformer.TransformAsync).AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Forma API",
                Version = "v1",
                Description = "Training data, coaching and booking for coaching businesses. Every error is an RFC 9457 problem-details body with a stable 'type'.",
            };
            return Task.CompletedTask;
        }));

    /// <summary>Serves the document at <see cref="DocumentPath"/> and an explorer page at <c>/docs</c>.</summary>
    public static WebApplication MapFormaOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = ExplorerPath;
            options.SwaggerEndpoint(DocumentPath, "Forma API v1");
            options.DocumentTitle = "Forma API";
        });
        return app;
    }
}
