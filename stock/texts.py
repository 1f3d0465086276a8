"""The screening's texts, in English and Norwegian."""
from planner.i18n import register

register({
    "screen.too_large": {"en": "The drawing is too large or too deeply nested to screen within the memory bound.",
                         "nb": "Tegningen er for stor eller for dypt nøstet til å screenes innenfor minnegrensen."},
    "screen.too_big": {"en": "The file is {mb} MB; at most {max} MB is read.",
                       "nb": "Filen er på {mb} MB; høyst {max} MB leses."},
    "screen.unreadable": {"en": "The file could not be read: {reason}.",
                          "nb": "Filen kunne ikke leses: {reason}."},
    "screen.crashed": {"en": "Reading this file stopped its worker process; it was left out. Try it alone with "
                             "`python -m planner check FILE`.",
                       "nb": "Lesingen av denne filen stoppet arbeidsprosessen; den er utelatt. Prøv den alene med "
                             "`python -m planner check FIL`."},
    "screen.workers": {"en": "--workers must be at least 1, not {n}.", "nb": "--workers må være minst 1, ikke {n}."},
    "screen.no_sources": {"en": "No DXF, IFC or project files were found in {sources}.",
                          "nb": "Fant ingen DXF-, IFC- eller prosjektfiler i {sources}."},
    "screen.bad_out": {"en": "The register must end in .xlsx, .csv or .parquet, not {name}.",
                       "nb": "Registeret må ende på .xlsx, .csv eller .parquet, ikke {name}."},
    "screen.no_folder": {"en": "The folder {folder} does not exist: make it first, or write the register elsewhere.",
                         "nb": "Mappen {folder} finnes ikke: lag den først, eller skriv registeret et annet sted."},
    "screen.cannot_write": {"en": "The register {name} cannot be written ({reason}).",
                            "nb": "Registeret {name} kan ikke skrives ({reason})."},
    "screen.bad_register": {"en": "{name} is not a register this tool wrote: {reason}.",
                            "nb": "{name} er ikke et register dette verktøyet har skrevet: {reason}."},
    "screen.no_dask": {"en": "Running on a Dask cluster needs dask.distributed: pip install -r requirements-cluster.txt.",
                       "nb": "Kjøring på en Dask-klynge trenger dask.distributed: pip install -r requirements-cluster.txt."},
    "screen.dask_unreachable": {"en": "No Dask scheduler answered at {address}: {reason}.",
                                "nb": "Ingen Dask-planlegger svarte på {address}: {reason}."},
    "screen.progress": {"en": "{done}/{total} files, {rows} dwellings, {rate} files/s, about {left} left",
                        "nb": "{done}/{total} filer, {rows} boliger, {rate} filer/s, omtrent {left} igjen"},
    "screen.done": {"en": "{rows} dwellings from {files} files ({refused} refused, {skipped} already in the register) "
                          "written to {out}.",
                    "nb": "{rows} boliger fra {files} filer ({refused} avvist, {skipped} fantes i registeret) "
                          "skrevet til {out}."},
})
