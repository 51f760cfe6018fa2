from narratief.cli import main

main()
