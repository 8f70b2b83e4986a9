// Study module
