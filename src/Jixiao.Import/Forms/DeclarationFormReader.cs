using Jixiao.Import.Imports;
using Jixiao.Import.Text;

namespace Jixiao.Import.Forms;

public static class DeclarationFormReader
{
    public static bool IsFormStart(List<SourceLine> lines) => false;

    public static void Read(IEnumerable<SourceLine> lines, ImportContext context)
    {
    }
}
