namespace Forma.Web.Infrastructure.Access;

/// <summary>
/// A command or query of the application: the one door through which pages, endpoints, jobs and the assistant's
/// tools reach a capability. An implementation owns its permission check, plan gate, validation and rule, takes the
/// <see cref="Caller"/> and a request, and returns a result or throws <see cref="Forma.Core.DomainException"/>; it never
/// returns an HTTP type. Implementations are found by this marker and registered (scoped) by <see cref="UseCaseRegistration"/>.
/// </summary>
internal interface IUseCase;
