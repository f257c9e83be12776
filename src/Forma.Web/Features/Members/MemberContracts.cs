using System.ComponentModel.DataAnnotations;
using Forma.Core.People;

namespace Forma.Web.Features.Members;

/// <summary>A person's membership in this business, as staff see it.</summary>
public sealed record MemberInfo(Guid Id, Guid UserId, string Email, string FirstName, string LastName, Role Role, DateTime JoinedAt, bool HasTotp);

public sealed record ChangeRoleRequest([property: Required] Role? Role);
