namespace Forma.Core.Athletes;

/// <summary>Sex as the physiology formulas use it (Banister TRIMP weighting differs); not a statement of gender.</summary>
public enum Sex
{
    Female,
    Male,
}
