from crossref.cli import main

main()
