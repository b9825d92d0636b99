"""Reading inputs: files, gazette cleaning, document split and classification, history notes."""
