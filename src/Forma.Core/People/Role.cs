namespace Forma.Core.People;

/// <summary>What a person is within one tenant. Guardians manage dependents (a parent, a pet owner).</summary>
public enum Role
{
    Owner,
    Admin,
    Coach,
    Athlete,
    Guardian,
}
