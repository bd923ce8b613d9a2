using System.Diagnostics.CodeAnalysis;

namespace Placeshaper.Common;

/// <summary>Either a value or the errors that stopped it.</summary>
public readonly struct Result<T>
{
    private Result(T? value, Errors? errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public Errors? Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Errors))]
    public bool Succeeded => Errors is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Errors errors) => new(default, errors);
}
