process.stdout.write('vodimg: not implemented yet\n');
