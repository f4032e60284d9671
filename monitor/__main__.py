if __name__ == "__main__":  # parser workers import this module too (as __mp_main__): they need none of the CLI
    from monitor.cli import main

    main()
