namespace Placeshaper.Spend;

/// <summary>
/// The names an organisation's spend files write again and again, each kept once and numbered within the
/// organisation: suppliers as written, with the keys their names normalise to (<see cref="SpendSupplierName"/>), and
/// pairs of service area and expense type (<see cref="SpendServiceExpense"/>). A payment carries the two numbers
/// rather than four texts, so a million payments store in less than half the space, and the import's totals are
/// keyed by numbers rather than by texts hashed on every line (ADR 0027).
/// </summary>
/// <remarks>
/// The import loads the organisation's names before it reads, numbers new ones on its reading thread as it meets
/// them, and saves those (<see cref="NewSuppliers"/>, <see cref="NewServiceExpenses"/>) once the file is read. Texts
/// are already cut to their columns.
/// </remarks>
public sealed class SpendNames
{
    private readonly Dictionary<(string? Name, string Key), int> suppliers = [];
    private readonly Dictionary<int, (string? Name, string Key)> suppliersByNumber = [];
    private readonly Dictionary<(string? Area, string? Type), int> serviceExpenses = [];
    private readonly Dictionary<int, (string? Area, string? Type)> serviceExpensesByNumber = [];
    private readonly List<(int Number, string? Name, string Key)> newSuppliers = [];
    private readonly List<(int Number, string? Area, string? Type)> newServiceExpenses = [];
    private int lastSupplier;
    private int lastServiceExpense;

    public SpendNames(
        IEnumerable<(int Number, string? Name, string Key)> suppliersHeld, IEnumerable<(int Number, string? Area, string? Type)> serviceExpensesHeld)
    {
        foreach (var (number, name, key) in suppliersHeld)
        {
            suppliers[(name, key)] = number;
            suppliersByNumber[number] = (name, key);
            lastSupplier = Math.Max(lastSupplier, number);
        }

        foreach (var (number, area, type) in serviceExpensesHeld)
        {
            serviceExpenses[(area, type)] = number;
            serviceExpensesByNumber[number] = (area, type);
            lastServiceExpense = Math.Max(lastServiceExpense, number);
        }
    }

    public static SpendNames None => new([], []);

    /// <summary>Suppliers numbered by this import, to be saved with its payments.</summary>
    public IReadOnlyList<(int Number, string? Name, string Key)> NewSuppliers => newSuppliers;

    /// <summary>Service areas and expense types numbered by this import, to be saved with its payments.</summary>
    public IReadOnlyList<(int Number, string? Area, string? Type)> NewServiceExpenses => newServiceExpenses;

    /// <summary>The number of the supplier written <paramref name="name"/> whose name normalises to <paramref name="key"/>, numbered now if new.</summary>
    public int Supplier(string? name, string key)
    {
        if (!suppliers.TryGetValue((name, key), out var number))
        {
            number = ++lastSupplier;
            suppliers[(name, key)] = number;
            suppliersByNumber[number] = (name, key);
            newSuppliers.Add((number, name, key));
        }

        return number;
    }

    /// <summary>The number of the service area and expense type, numbered now if new.</summary>
    public int ServiceExpense(string? area, string? type)
    {
        if (!serviceExpenses.TryGetValue((area, type), out var number))
        {
            number = ++lastServiceExpense;
            serviceExpenses[(area, type)] = number;
            serviceExpensesByNumber[number] = (area, type);
            newServiceExpenses.Add((number, area, type));
        }

        return number;
    }

    public (string? Name, string Key) SupplierOf(int number) => suppliersByNumber[number];

    public (string? Area, string? Type) ServiceExpenseOf(int number) => serviceExpensesByNumber[number];
}
