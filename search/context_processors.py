from .forms import SearchForm


def search_form(request):
    """The header's search box, filled with what was searched (Oscar's templates expect it)."""
    return {"search_form": SearchForm(request.GET or None)}
